/**
 * Per-file export for upload portals: one file per material, named by the rule pack, each within
 * the pack's size cap. Single photos stay images (portals often want JPG); everything else becomes
 * a PDF of that material, unless the rule says `exportAs: images` (portals that take only JPG/PNG):
 * then every bound page is one JPEG, PDF pages rendered. Over the cap, images are recompressed,
 * then downscaled, until they fit; in a PDF export, scanned PDF inputs are then rebuilt from their
 * rendered pages and go down the same ladder (`rasterise.ts`), while born-digital ones stay as they are.
 */
import { zipSync, type Zippable } from 'fflate';
import { UserError } from '../errors';
import { limitImageMemory, prepareImage } from '../images/prepare';
import { watermarkImage } from './watermark-image';
import { foreignError, sniff } from '../fs/sniff';
import { translator } from '../../i18n';
import type { FileRef } from '../model/schemas/project';
import { assertPageChoice, boundPages, pageRotation } from '../project/pages';
import { openForRendering, type RenderablePdf } from '../pdf/render';
import { BindOptionsSchema, type BindOptions } from '../model/schemas/bind-options';
import type { BindInput } from './index';
import { assemble } from './assemble';
import {
  applicantOf,
  contactOf,
  packetDate,
  selectMaterials,
  watermarkOf,
  type PacketMaterial,
} from '../model/packet/select';
import { frameFor } from './geometry';
import { serialise, setInfo, writeAtomically } from './write';
import { openScannedInputs, pageJpeg, type RasteriseStep, type ScannedInput } from './rasterise';
import { safeFileName } from '../fs/names';

export type ExportInput = Omit<BindInput, 'output'> & { output: string };

export interface ExportResult {
  output: string;
  files: { name: string; bytes: number }[];
}

/** Quality steps tried in order until a file fits its cap; the last is the lowest still readable. */
const LADDER: { dpi: number; quality: number }[] = [
  { dpi: 200, quality: 85 },
  { dpi: 200, quality: 70 },
  { dpi: 150, quality: 70 },
  { dpi: 150, quality: 55 },
  { dpi: 120, quality: 55 },
  { dpi: 100, quality: 50 },
];

export async function exportMaterials(input: ExportInput): Promise<ExportResult> {
  const options = BindOptionsSchema.parse(input.options);
  limitImageMemory();
  const materials = selectMaterials(input.doc, input.rulePack, input.report);
  if (materials.length === 0) throw new UserError('export.nothing');
  const date = packetDate(input.doc, options, input.now);
  const entries: { name: string; bytes: Uint8Array }[] = [];
  for (const [done, material] of materials.entries()) {
    if (input.signal?.aborted) throw new UserError('bind.cancelled');
    // Told before the work: one material rendered page by page can take a while, and the UI names it.
    input.onProgress?.({ phase: 'materials', done, total: materials.length, label: material.rule.title });
    entries.push(...(await exportMaterial(input, material, options, date)));
  }
  const zip: Zippable = {};
  const used = new Set<string>();
  for (const entry of entries) {
    const name = uniqueName(entry.name, used);
    // JPEG and PDF are compressed already; storing them keeps the zip fast and deterministic.
    zip[name] = [entry.bytes, { level: 0, mtime: date }];
  }
  input.onProgress?.({ phase: 'write', done: 0, total: 1 });
  await writeAtomically(input.output, zipSync(zip), input.signal);
  input.onProgress?.({ phase: 'done', done: 1, total: 1 });
  return {
    output: input.output,
    files: Object.keys(zip).map((name) => ({ name, bytes: (zip[name] as [Uint8Array, unknown])[0].length })),
  };
}

/** A file name from the rule pack's name for the material, safe on every file system. */
export function exportBaseName(material: PacketMaterial): string {
  return safeFileName(material.rule.exportName ?? material.rule.title, material.rule.id);
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  const dot = name.lastIndexOf('.');
  for (let n = 2; used.has(candidate); n++) candidate = `${name.slice(0, dot)}-${n}${name.slice(dot)}`;
  used.add(candidate);
  return candidate;
}

async function exportMaterial(
  input: ExportInput,
  material: PacketMaterial,
  options: BindOptions,
  date: Date,
): Promise<{ name: string; bytes: Uint8Array }[]> {
  const base = exportBaseName(material);
  const capBytes = material.rule.maxFileSizeKB ? material.rule.maxFileSizeKB * 1024 : Infinity;
  const loaded = await Promise.all(material.files.map(async (file) => ({ file, bytes: await input.loadFile(file) })));
  const images = loaded.every(({ bytes }) => {
    const s = sniff(bytes);
    return s.kind === 'supported' && s.mediaType !== 'application/pdf';
  });
  const acceptsImages = material.rule.accept.includes('jpg') || material.rule.accept.includes('png');
  const photos = images && acceptsImages && (loaded.length === 1 || !material.rule.accept.includes('pdf'));
  if (material.rule.exportAs === 'images' || (photos && material.rule.exportAs !== 'pdf')) {
    return exportImages(input, material, loaded, options, base, capBytes);
  }
  for (const s of loaded.map(({ file, bytes }) => ({ file, s: sniff(bytes) }))) {
    if (s.s.kind === 'foreign') throw foreignError(s.s.type, s.file.name);
  }
  const cache = new Map(loaded.map(({ file, bytes }) => [file.id, bytes]));
  const build = async (step: { dpi: number; quality: number }) => {
    const assembled = await assemble({
      doc: input.doc,
      rulePack: input.rulePack,
      materials: [material],
      options: { ...options, dpi: step.dpi, jpegQuality: step.quality },
      tr: translator(input.documentLocale ?? 'zh-CN'),
      trMessages: translator(input.locale ?? 'zh-CN'),
      cover: { applicant: applicantOf(input.doc), matter: input.rulePack.title, contact: contactOf(input.doc), date },
      frontMatter: false,
      loadFile: async (ref: FileRef) => cache.get(ref.id) ?? input.loadFile(ref),
      signal: input.signal,
    });
    setInfo(assembled.doc, {
      title: material.rule.title,
      author: applicantOf(input.doc),
      subject: input.rulePack.title,
      date,
    });
    return serialise(assembled.doc);
  };
  const hasImages = loaded.some(({ bytes }) => !isPdf(bytes));
  // Opened only once the file as it is has turned out too big: finding scans means parsing every PDF.
  let scans: ScannedInput[] | undefined;
  let smallest = Infinity;
  try {
    for (let i = 0; i < LADDER.length;) {
      const step = {
        dpi: Math.min(options.dpi, LADDER[i].dpi),
        quality: Math.min(options.jpegQuality, LADDER[i].quality),
      };
      for (const scan of scans ?? []) cache.set(scan.file.id, await scan.rebuild(step, input.signal));
      const bytes = await build(step);
      if (bytes.length <= capBytes) return [{ name: `${base}.pdf`, bytes }];
      smallest = Math.min(smallest, bytes.length);
      if (scans === undefined) {
        // Rendered once each, at the highest DPI a step below may ask for.
        const top = Math.min(options.dpi, Math.max(...LADDER.map((s) => s.dpi)));
        scans = await openScannedInputs(loaded, exportBox, top);
        // The same step again, now with the scans rebuilt from their rendered pages (pictures: their
        // text, if any, is no longer selectable; born-digital files are never rebuilt).
        if (scans.length > 0) continue;
      }
      // Text and vector pages cannot be shrunk: with no photo or scan there is nothing to compress.
      if (!hasImages && scans.length === 0) throw tooLarge(material, smallest, capBytes, false);
      i++;
    }
  } finally {
    await Promise.all((scans ?? []).map((scan) => scan.close()));
  }
  throw tooLarge(material, smallest, capBytes, true);
}

function isPdf(bytes: Uint8Array): boolean {
  const s = sniff(bytes);
  return s.kind === 'supported' && s.mediaType === 'application/pdf';
}

/** `compressed`: whether the ladder was gone down; the message must not claim it was when it was not. */
function tooLarge(material: PacketMaterial, size: number, cap: number, compressed: boolean): UserError {
  return new UserError(compressed ? 'export.tooLarge' : 'export.tooLargeAsIs', {
    material: material.rule.title,
    size: Math.ceil(size / 1024),
    limit: Math.floor(cap / 1024),
  });
}

/** A watermarked photo is encoded twice (before and after the mark); the first pass is nearly lossless. */
const BEFORE_WATERMARK_QUALITY = 95;

/** The box an exported image stands for: the content box of an A4 page in its orientation, as in the packet. */
function exportBox(width: number, height: number) {
  return frameFor({ landscape: width > height, header: false, bindingMargin: false }).content;
}

/**
 * Every page the material contributes to the packet as one JPEG (`exportAs: images`, and single
 * photos by default): photos as they are, PDF pages rendered once at the export DPI (a scanned page
 * no finer than its scan) with the file's page choice and rotations, each ladder step derived from
 * those pixels. Named by part title, else numbered when there is more than one.
 */
async function exportImages(
  input: ExportInput,
  material: PacketMaterial,
  loaded: { file: FileRef; bytes: Uint8Array }[],
  options: BindOptions,
  base: string,
  capBytes: number,
): Promise<{ name: string; bytes: Uint8Array }[]> {
  // PDFs get the watermark in `assemble`; a page leaving as an image gets it drawn in.
  const watermark = watermarkOf(material.rule, options, input.doc, input.rulePack);
  const sources: { file: FileRef; page: () => Promise<ImageSource> }[] = [];
  const opened: RenderablePdf[] = [];
  try {
    for (const { file, bytes } of loaded) {
      const s = sniff(bytes);
      if (s.kind === 'foreign') throw foreignError(s.type, file.name);
      if (s.mediaType !== 'application/pdf') {
        const rotate = pageRotation(file, 0);
        const jpeg = async (step: RasteriseStep) =>
          (await prepareImage(bytes, file.name, { ...step, rotate, box: exportBox })).jpeg;
        sources.push({ file, page: async () => ({ jpeg }) });
        continue;
      }
      const pdf = await openForRendering(bytes, file.name, { password: file.password });
      opened.push(pdf);
      const pages = boundPages(file, pdf.pages);
      // As in `assemble`: the choice was checked when made; this catches a hand-edited project file.
      if (file.pageOrder) assertPageChoice(file, pages, pdf.pages);
      for (const index of pages) {
        sources.push({
          file,
          // Rendered once, when its turn comes (one page's pixels at a time), for every step.
          page: async () => {
            const page = await pdf.renderPage(index, {
              dpi: options.dpi,
              rotate: pageRotation(file, index),
              fit: exportBox,
              notFinerThanScan: true,
            });
            return { jpeg: (step: RasteriseStep) => pageJpeg(page, step, exportBox) };
          },
        });
      }
    }
    const pagesOf = (file: FileRef) => sources.filter((source) => source.file === file).length;
    const seen = new Map<string, number>();
    const out: { name: string; bytes: Uint8Array }[] = [];
    for (const [i, { file, page }] of sources.entries()) {
      if (input.signal?.aborted) throw new UserError('bind.cancelled');
      const k = (seen.get(file.id) ?? 0) + 1;
      seen.set(file.id, k);
      const part = file.part ? (material.rule.parts?.find((p) => p.id === file.part)?.title ?? file.part) : undefined;
      // A lone photo keeps the plain name, as it always has; with `exportAs: images` the part is named
      // even then, since portals ask for 正面 and 反面 in separate slots.
      const named = part !== undefined && (sources.length > 1 || material.rule.exportAs === 'images');
      const suffix = named ? `-${part}${pagesOf(file) > 1 ? `-${k}` : ''}` : sources.length > 1 ? `-${i + 1}` : '';
      // Part titles (rule pack) and unknown part ids (project file) are untrusted text too.
      out.push({
        name: `${safeFileName(`${base}${suffix}`, base)}.jpg`,
        bytes: await imageWithin(await page(), capBytes, material, options, watermark),
      });
    }
    return out;
  } finally {
    await Promise.all(opened.map((pdf) => pdf.close()));
  }
}

/** An image on its way out (a photo, or a rendered page): upright, as a JPEG for a step of the ladder. */
interface ImageSource {
  jpeg(step: RasteriseStep): Promise<Uint8Array>;
}

/**
 * One image as an upright JPEG no bigger than `capBytes`: lower quality first, then fewer pixels.
 * With `watermark`, the marked image is the one that must fit.
 */
async function imageWithin(
  source: ImageSource,
  capBytes: number,
  material: PacketMaterial,
  options: BindOptions,
  watermark?: string,
): Promise<Uint8Array> {
  let smallest = Infinity;
  const ladder = [
    { dpi: options.dpi, quality: options.jpegQuality },
    ...LADDER.filter((s) => s.dpi <= options.dpi && s.quality < options.jpegQuality),
  ];
  for (const step of ladder) {
    const image = await source.jpeg({
      dpi: step.dpi,
      quality: watermark ? Math.max(BEFORE_WATERMARK_QUALITY, step.quality) : step.quality,
    });
    const jpeg = watermark ? await watermarkImage(image, watermark, { quality: step.quality, box: exportBox }) : image;
    if (jpeg.length <= capBytes) return jpeg;
    smallest = Math.min(smallest, jpeg.length);
  }
  throw tooLarge(material, smallest, capBytes, true);
}
