/**
 * The pieces of the OCR pipeline that are plain arithmetic (no model runs here): model inputs built
 * as BGR planes, a crop and its box turned half a turn, a sideways page told by its boxes, and boxes
 * gathered into lines the way the extraction expects them.
 */
import { describe, expect, it } from 'vitest';
import { liesSideways, type Crop } from '../../src/core/recognition/detect';
import { groupLines, turnedHalf } from '../../src/core/recognition/recognise';
import { planarBgr } from '../../src/core/recognition/tensor';

const rect = (x: number, y: number, w: number, h: number) => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
];
const crop = (box: number[][]): Crop => ({ box, image: { data: new Uint8Array(4), width: 1, height: 1 } });

describe('model inputs', () => {
  it('interleaved RGBA becomes the planes B, G, R, scaled and offset', () => {
    const rgba = new Uint8Array([255, 0, 51, 255, 0, 102, 255, 255]);
    expect([...planarBgr(rgba, 4, 1 / 255, 0)].map((v) => +v.toFixed(2))).toEqual([0.2, 1, 0, 0.4, 1, 0]);
    // The direction classifier's −1…1.
    expect([...planarBgr(rgba, 4, 2 / 255, -1)].map((v) => +v.toFixed(2))).toEqual([-0.6, 1, -1, -0.2, 1, -1]);
  });
});

describe('turning half a turn', () => {
  it('reverses the pixels and maps the box onto the turned page, top-left corner first', () => {
    const pixels = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const turned = turnedHalf({ box: rect(10, 20, 40, 10), image: { data: pixels, width: 3, height: 1 } }, 100, 80);
    expect([...turned.image.data]).toEqual([9, 10, 11, 12, 5, 6, 7, 8, 1, 2, 3, 4]);
    expect(turned.box).toEqual(rect(50, 50, 40, 10));
  });
});

describe('a page on its side', () => {
  it('is told by boxes much higher than wide', () => {
    const level = [rect(0, 0, 300, 30), rect(0, 50, 200, 30), rect(0, 100, 20, 20)];
    const standing = [rect(0, 0, 30, 300), rect(50, 0, 30, 200), rect(100, 0, 20, 20), rect(0, 400, 90, 30)];
    expect(liesSideways(level.map(crop))).toBe(false);
    expect(liesSideways(standing.map(crop))).toBe(true);
    expect(liesSideways([])).toBe(false);
  });
});

describe('boxes into lines', () => {
  it('joins the boxes of a row left to right, drops unsure ones, orders rows top to bottom', () => {
    const lines = groupLines([
      { text: '名称', confidence: 0.99, box: rect(100, 100, 60, 30) },
      { text: '法定代表人', confidence: 0.98, box: rect(100, 200, 150, 30) },
      { text: '北京某某有限公司', confidence: 0.95, box: rect(300, 104, 300, 30) },
      { text: '张三', confidence: 0.97, box: rect(300, 198, 60, 30) },
      { text: '噪', confidence: 0.3, box: rect(700, 100, 20, 30) },
    ]);
    expect(lines.map((l) => l.text)).toEqual(['名称 北京某某有限公司', '法定代表人 张三']);
    expect(lines[0].confidence).toBeCloseTo(0.97);
    expect(lines[0].box).toEqual([
      [100, 100],
      [600, 104],
      [600, 134],
      [100, 130],
    ]);
  });

  it('keeps a label and its value on one line when the photo is 3° askew', () => {
    // As read from a licence photographed askew: the line rises 0.055 px per px to the right, so the
    // value's box sits higher than the label's single character at its left.
    const tilted = (x: number, y: number, w: number, h: number) => [
      [x, y],
      [x + w, y - 0.055 * w],
      [x + w, y - 0.055 * w + h],
      [x, y + h],
    ];
    const lines = groupLines([
      { text: '名', confidence: 0.99, box: tilted(143, 363, 22, 24) },
      { text: '称深圳智联网络科技有限公司', confidence: 0.99, box: tilted(202, 359, 308, 27) },
      { text: '类', confidence: 0.99, box: tilted(143, 423, 26, 23) },
      { text: '型有限责任公司', confidence: 0.99, box: tilted(202, 418, 319, 28) },
    ]);
    expect(lines.map((l) => l.text)).toEqual(['名 称深圳智联网络科技有限公司', '类 型有限责任公司']);
  });
});
