/**
 * Synthetic 营业执照 (副本 layout) and 身份证 sides for recognition tests and the read benchmark:
 * drawn with @napi-rs/canvas in the bundled CJK font, with a red seal, a QR code carrying the
 * USCC, and the truth the reader should return. `degrade` turns a clean render into a phone photo
 * or a scan (skew, perspective, blur, light gradient, JPEG q75, 150 dpi, EXIF rotation).
 */
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { GlobalFonts, createCanvas, loadImage, type SKRSContext2D } from '@napi-rs/canvas';
import sharp from 'sharp';
import { cnIdCheckChar, orgCodeCheckChar, usccCheckChar } from '../../src/core/model/fields';
// Deterministic test data from the benchmark's seeded generator (mulberry32).
import { prng } from '../../bench/generate';

export { prng };

const FONT = fileURLToPath(new URL('../../assets/fonts/LXGWWenKai-Regular.ttf', import.meta.url));
const FAMILY = 'MatprepDocFont';
let fontReady = false;
function ensureFont(): void {
  if (!fontReady) GlobalFonts.registerFromPath(FONT, FAMILY);
  fontReady = true;
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];
const digits = (random: () => number, n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const REGIONS = ['110108', '310115', '440305', '330106', '510107', '320505', '420111', '370202'];
const CITIES = ['北京市海淀区', '上海市浦东新区', '深圳市南山区', '杭州市西湖区', '成都市武侯区', '苏州市虎丘区'];
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬鑫浩宇轩子涵欣怡梓晨思远嘉俊博文雅婷一鸣志国建华晓东立新海峰';
const WORDS = [
  '云帆',
  '星河',
  '智联',
  '青禾',
  '瀚海',
  '远景',
  '数创',
  '安信',
  '汇通',
  '启明',
  '嘉禾',
  '鼎盛',
  '锐思',
  '卓越',
];
const TRADES = ['网络科技', '信息技术', '文化传媒', '数据服务', '软件开发', '电子商务'];
const TYPES = [
  '有限责任公司（自然人投资或控股）',
  '有限责任公司（自然人独资）',
  '股份有限公司（非上市、自然人投资或控股）',
];
const STREETS = ['中关村大街', '张江路', '科技园南路', '文三路', '天府大道', '星湖街'];

function randomUscc(random: () => number): string {
  let org = '';
  for (let i = 0; i < 8; i++) org += i < 2 && random() < 0.3 ? pick(random, [...'ABCDEFGHJKLMN']) : digits(random, 1);
  org += orgCodeCheckChar(org);
  const first17 = '91' + pick(random, REGIONS) + org;
  if (![...first17].every((c) => USCC_ALPHABET.includes(c))) return randomUscc(random);
  return first17 + usccCheckChar(first17);
}

function randomName(random: () => number): string {
  const given = Array.from({ length: random() < 0.7 ? 2 : 1 }, () => pick(random, [...GIVEN])).join('');
  return pick(random, [...SURNAMES]) + given;
}

function randomDate(random: () => number, fromYear: number, toYear: number): string {
  const y = fromYear + Math.floor(random() * (toYear - fromYear + 1));
  const m = 1 + Math.floor(random() * 12);
  const d = 1 + Math.floor(random() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const addYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
const cnDate = (iso: string) => `${iso.slice(0, 4)}年${iso.slice(5, 7)}月${iso.slice(8, 10)}日`;

export interface LicenceTruth {
  uscc: string;
  name: string;
  type: string;
  legalRepresentative: string;
  address: string;
  establishedOn: string;
  validFrom: string;
  validUntil: string;
  authority: string;
}
export interface IdFrontTruth {
  name: string;
  idNumber: string;
  sex: '男' | '女';
  birth: string;
}
export interface IdBackTruth {
  authority: string;
  validFrom: string;
  validUntil: string;
}

export function licenceTruth(seed: number): LicenceTruth {
  const random = prng(seed);
  const city = pick(random, CITIES);
  const established = randomDate(random, 2005, 2024);
  const longTerm = random() < 0.6;
  return {
    uscc: randomUscc(random),
    name: `${city.slice(0, 2)}${pick(random, WORDS)}${pick(random, TRADES)}有限公司`,
    type: pick(random, TYPES),
    legalRepresentative: randomName(random),
    address: `${city}${pick(random, STREETS)}${1 + Math.floor(random() * 300)}号${1 + Math.floor(random() * 20)}层`,
    establishedOn: established,
    validFrom: established,
    validUntil: longTerm ? '长期' : addYears(established, 20),
    authority: `${city}市场监督管理局`.replace(/市(.{2,4}区)市场/, '市$1市场'),
  };
}

export function idFrontTruth(seed: number): IdFrontTruth {
  const random = prng(seed * 7 + 3);
  const birth = randomDate(random, 1960, 2002);
  const first17 = pick(random, REGIONS) + birth.replaceAll('-', '') + digits(random, 3);
  const sex = Number(first17[16]) % 2 === 1 ? '男' : '女';
  return { name: randomName(random), idNumber: first17 + cnIdCheckChar(first17), sex, birth };
}

export function idBackTruth(seed: number): IdBackTruth {
  const random = prng(seed * 11 + 5);
  const from = randomDate(random, 2012, 2024);
  const years = pick(random, [10, 20, 20, 0]);
  return {
    authority: `${pick(random, CITIES).slice(0, 3)}公安局${pick(random, ['海淀', '南山', '西湖', '武侯', '浦东'])}分局`,
    validFrom: from,
    validUntil: years === 0 ? '长期' : addYears(from, years),
  };
}

async function qrImage(text: string, size: number) {
  const require = createRequire(import.meta.url);
  const writer = await import('zxing-wasm/writer');
  const wasm = await readFile(require.resolve('zxing-wasm/writer/zxing_writer.wasm'));
  await writer.prepareZXingModule({ overrides: { wasmBinary: wasm.buffer as ArrayBuffer }, fireImmediately: true });
  const result = await writer.writeBarcode(text, { format: 'QRCode', scale: 8 });
  const png = await sharp(Buffer.from(result.svg)).resize(size, size, { kernel: 'nearest' }).png().toBuffer();
  return loadImage(png);
}

function seal(ctx: SKRSContext2D, x: number, y: number, r: number, text: string): void {
  ctx.save();
  ctx.strokeStyle = 'rgba(210,30,30,0.75)';
  ctx.fillStyle = 'rgba(210,30,30,0.75)';
  ctx.lineWidth = r * 0.06;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.stroke();
  ctx.font = `${r * 0.5}px ${FAMILY}`;
  ctx.textAlign = 'center';
  ctx.fillText('★', x, y + r * 0.18);
  const chars = [...text];
  ctx.font = `${r * 0.2}px ${FAMILY}`;
  chars.forEach((ch, i) => {
    const angle = -Math.PI * 0.85 + (i * Math.PI * 1.7) / Math.max(chars.length - 1, 1) - Math.PI / 2;
    ctx.save();
    ctx.translate(x + Math.cos(angle) * r * 0.75, y + Math.sin(angle) * r * 0.75);
    ctx.rotate(angle + Math.PI / 2);
    ctx.fillText(ch, 0, r * 0.07);
    ctx.restore();
  });
  ctx.restore();
}

/** A 营业执照 副本 at ~200 dpi (A4 landscape 2300×1630): PNG bytes. */
export async function renderLicence(t: LicenceTruth): Promise<Buffer> {
  ensureFont();
  const [w, h] = [2300, 1630];
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fbf8f0';
  ctx.fillRect(0, 0, w, h);
  ctx.strokeStyle = '#b8862b';
  ctx.lineWidth = 14;
  ctx.strokeRect(40, 40, w - 80, h - 80);
  ctx.fillStyle = '#1a1a1a';
  ctx.font = `150px ${FAMILY}`;
  ctx.textAlign = 'center';
  ctx.fillText('营 业 执 照', w / 2, 300);
  ctx.font = `44px ${FAMILY}`;
  ctx.fillText('（副　　本）', w / 2, 380);
  ctx.textAlign = 'left';
  ctx.font = `40px ${FAMILY}`;
  ctx.fillText('统一社会信用代码', 150, 190);
  ctx.fillText(t.uscc, 150, 245);
  ctx.drawImage(await qrImage(`https://www.gsxt.gov.cn/verify?uscc=${t.uscc}`, 260), w - 420, 130);
  const field = (label: string, value: string, x: number, y: number, width: number) => {
    ctx.font = `44px ${FAMILY}`;
    ctx.fillText(label, x, y);
    ctx.font = `42px ${FAMILY}`;
    // Wrap long values onto further lines, as the printed licence does.
    let line = '';
    let yy = y;
    for (const ch of value) {
      if (ctx.measureText(line + ch).width > width) {
        ctx.fillText(line, x + 240, yy);
        line = '';
        yy += 58;
      }
      line += ch;
    }
    ctx.fillText(line, x + 240, yy);
  };
  const untilText = t.validUntil === '长期' ? '长期' : cnDate(t.validUntil);
  field('名　　称', t.name, 150, 560, 700);
  field('类　　型', t.type, 150, 680, 700);
  field('法定代表人', t.legalRepresentative, 150, 860, 700);
  field(
    '经营范围',
    '技术开发、技术咨询、技术服务；软件开发；互联网信息服务（依法须经批准的项目，经相关部门批准后方可开展经营活动）。',
    150,
    980,
    700,
  );
  field('注册资本', `${100 + (t.uscc.charCodeAt(9) % 9) * 100}万元`, 1200, 560, 800);
  field('成立日期', cnDate(t.establishedOn), 1200, 680, 800);
  field('营业期限', `${cnDate(t.validFrom)} 至 ${untilText}`, 1200, 800, 800);
  field('住　　所', t.address, 1200, 920, 780);
  ctx.font = `44px ${FAMILY}`;
  ctx.fillText('登记机关', 1450, 1400);
  seal(ctx, 1800, 1390, 150, t.authority);
  ctx.font = `40px ${FAMILY}`;
  ctx.fillStyle = '#1a1a1a';
  ctx.fillText(cnDate(t.establishedOn.replace(/^\d{4}/, (y) => String(Math.min(Number(y) + 2, 2026)))), 1650, 1520);
  return canvas.toBuffer('image/png');
}

/** 身份证 人像面 at ~300 dpi (1012×638). */
export async function renderIdFront(t: IdFrontTruth): Promise<Buffer> {
  ensureFont();
  const canvas = createCanvas(1012, 638);
  const ctx = canvas.getContext('2d');
  const g = ctx.createLinearGradient(0, 0, 1012, 638);
  g.addColorStop(0, '#eef3f6');
  g.addColorStop(1, '#dfe9ef');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 1012, 638);
  const label = (text: string, x: number, y: number) => {
    ctx.fillStyle = '#2f6f9f';
    ctx.font = `30px ${FAMILY}`;
    ctx.fillText(text, x, y);
  };
  const value = (text: string, x: number, y: number, size = 36) => {
    ctx.fillStyle = '#111';
    ctx.font = `${size}px ${FAMILY}`;
    ctx.fillText(text, x, y);
  };
  label('姓　名', 70, 110);
  value(t.name, 190, 112);
  label('性　别', 70, 185);
  value(t.sex, 190, 187);
  label('民　族', 300, 185);
  value('汉', 410, 187);
  label('出　生', 70, 260);
  const [y, m, d] = t.birth.split('-');
  value(`${y}  年  ${Number(m)}  月  ${Number(d)}  日`, 190, 262);
  label('住　址', 70, 335);
  value('某某省某某市某某区', 190, 337, 32);
  value('幸福路 88 号', 190, 385, 32);
  label('公民身份号码', 70, 560);
  value(t.idNumber, 320, 562, 42);
  ctx.fillStyle = '#c9d3da';
  ctx.fillRect(690, 90, 250, 320); // the photo
  return canvas.toBuffer('image/png');
}

/** 身份证 国徽面 at ~300 dpi. */
export async function renderIdBack(t: IdBackTruth): Promise<Buffer> {
  ensureFont();
  const canvas = createCanvas(1012, 638);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#eef3f6';
  ctx.fillRect(0, 0, 1012, 638);
  seal(ctx, 150, 150, 90, '中华人民共和国');
  ctx.fillStyle = '#111';
  ctx.font = `54px ${FAMILY}`;
  ctx.fillText('中华人民共和国', 330, 140);
  ctx.font = `70px ${FAMILY}`;
  ctx.fillText('居民身份证', 360, 250);
  ctx.font = `30px ${FAMILY}`;
  ctx.fillText('签发机关', 200, 470);
  ctx.fillText('有效期限', 200, 550);
  ctx.font = `34px ${FAMILY}`;
  ctx.fillText(t.authority, 360, 472);
  const dot = (iso: string) => iso.replaceAll('-', '.');
  ctx.fillText(`${dot(t.validFrom)}-${t.validUntil === '长期' ? '长期' : dot(t.validUntil)}`, 360, 552);
  return canvas.toBuffer('image/png');
}

export const DEGRADATIONS = ['clean', 'photo', 'scan150', 'exif', 'upside', 'sideways'] as const;
export type Degradation = (typeof DEGRADATIONS)[number];

/**
 * A clean render as the user would add it. photo: perspective-ish shear, 2–4° skew, blur, a light
 * gradient, JPEG q75 on a table-coloured background; scan150: downsampled to 150 dpi; exif: pixels
 * turned sideways with an EXIF tag that turns them back; upside: scanned upside down (no tag);
 * sideways: the photo taken with the phone on its side and no orientation tag (turned 90° or 270°).
 */
export async function degrade(png: Buffer, kind: Degradation, seed: number, dpi = 200): Promise<Buffer> {
  const random = prng(seed * 13 + 1);
  const meta = await sharp(png).metadata();
  const [w, h] = [meta.width!, meta.height!];
  switch (kind) {
    case 'clean':
      return png;
    case 'scan150':
      return sharp(png)
        .resize(Math.round((w * 150) / dpi))
        .jpeg({ quality: 85 })
        .toBuffer();
    case 'upside':
      return sharp(png).rotate(180).jpeg({ quality: 90 }).toBuffer();
    case 'sideways':
      return sharp(await degrade(png, 'photo', seed, dpi))
        .rotate(seed % 2 ? 90 : 270)
        .jpeg({ quality: 90 })
        .toBuffer();
    case 'exif': {
      const raw = await sharp(png).rotate(90).jpeg({ quality: 90 }).toBuffer();
      // Orientation 8 = "turn 90° anticlockwise to view": undoes the 90° clockwise turn above.
      return sharp(raw).withMetadata({ orientation: 8 }).jpeg({ quality: 90 }).toBuffer();
    }
    case 'photo': {
      const skew = (2 + random() * 2) * (random() < 0.5 ? -1 : 1);
      const shear = (random() - 0.5) * 0.06;
      const shade = `<svg width="${w}" height="${h}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
        <stop offset="0" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.35"/>
        </linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
      const shaded = await sharp(png)
        .composite([{ input: Buffer.from(shade), blend: 'multiply' }])
        .png()
        .toBuffer();
      return sharp(shaded)
        .affine([1, shear, shear / 2, 1], { background: '#6b5a48' })
        .rotate(skew, { background: '#6b5a48' })
        .extend({ top: 80, bottom: 80, left: 80, right: 80, background: '#6b5a48' })
        .blur(1.1)
        .jpeg({ quality: 75 })
        .toBuffer();
    }
  }
}
