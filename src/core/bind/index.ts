/**
 * bindPacket: one submission PDF from a project — cover, 目录, materials in rule order, page
 * numbers, bookmarks — written to a temp file and renamed into place.
 */
import type { CheckReport } from '../model/schemas/check-report';
import { UserError } from '../errors';
import type { FileRef, ProjectDoc } from '../model/schemas/project';
import type { RulePack } from '../model/schemas/rules';
import { translator, type Locale } from '../../i18n';
import { BindOptionsSchema, type BindOptions, type BindProgress, type BindResult } from '../model/schemas/bind-options';
import { limitImageMemory } from '../images/prepare';
import { assemble, generatedText } from './assemble';
import { prepareCjkSubset } from './cjk';
import { isImageFile, type ImageOriginOf } from './prepared';
import { applicantOf, contactOf, packetDate, selectMaterials } from '../model/packet/select';
import { setInfo, writePdfAtomically } from './write';
import type { BlobCache } from '../cache/store';
import { packetKey, rememberPacket, reusePacket } from './reuse';
import type { ChangeReport } from '../model/schemas/submissions';
import { changesPageLines } from './changes-page';
import { notBoundWarnings } from './not-bound';

export interface BindInput {
  doc: ProjectDoc;
  rulePack: RulePack;
  report: CheckReport;
  /** Missing fields take their defaults. */
  options: Partial<BindOptions>;
  output: string;
  loadFile: (ref: FileRef) => Promise<Uint8Array>;
  /** Where images come from, named without reading them (a project's: placedOrigin); absent: through loadFile. */
  imageOrigin?: ImageOriginOf;
  /** Language of warnings in the result. */
  locale?: Locale;
  /** Language of the generated pages; a packet for a Chinese authority is in Chinese. */
  documentLocale?: Locale;
  now?: Date;
  /** What changed since the last submission, for the 补正说明 page (when `options.changesPage`). */
  changes?: ChangeReport;
  onProgress?: (progress: BindProgress) => void;
  signal?: AbortSignal;
  /**
   * The project's cache (`../cache/store.ts`): prepared images, the font subset, and the identity of
   * the last packet, so an unchanged project is not bound again. Absent: everything is made afresh.
   */
  cache?: BlobCache;
}

type PlanInput = Pick<BindInput, 'doc' | 'rulePack' | 'report' | 'documentLocale' | 'now' | 'changes'>;

/** What the packet's generated pages say: its materials, the cover, the 补正说明 lines. */
function packetPlan(input: PlanInput, options: BindOptions) {
  const tr = translator(input.documentLocale ?? 'zh-CN');
  const materials = selectMaterials(input.doc, input.rulePack, input.report, options.appendix);
  const date = packetDate(input.doc, options, input.now);
  const applicant = applicantOf(input.doc);
  const cover = { applicant, matter: input.rulePack.title, contact: contactOf(input.doc), date };
  const changesPage =
    options.changesPage && input.changes ? changesPageLines(input.changes, input.documentLocale ?? 'zh-CN') : undefined;
  return { doc: input.doc, rulePack: input.rulePack, options, tr, materials, date, applicant, cover, changesPage };
}

/**
 * Subset the font for the pages a bind of `input` would generate, into `cache`, so that bind finds it
 * (the prepare job runs this after an import; a bind of other inputs simply subsets its own).
 */
export async function prepareGeneratedFont(
  input: PlanInput & { options: Partial<BindOptions> },
  cache: BlobCache,
): Promise<void> {
  const plan = packetPlan(input, BindOptionsSchema.parse(input.options));
  if (plan.materials.length > 0) await prepareCjkSubset(generatedText(plan), { cache });
}

export async function bindPacket(input: BindInput): Promise<BindResult> {
  const options = BindOptionsSchema.parse(input.options);
  limitImageMemory();
  const plan = packetPlan(input, options);
  const { tr, materials, date, applicant } = plan;
  // Asked for twice per image (the packet key, then the placing): the scan record is read once.
  const imageOrigin = input.imageOrigin && oncePerFile(input.imageOrigin);
  if (materials.length === 0) throw new UserError('bind.nothing');
  input.onProgress?.({ phase: 'prepare', done: 0, total: 1 });
  const beforeRename = () => {
    if (input.signal?.aborted) throw new UserError('bind.cancelled');
  };
  const key = input.cache
    ? await packetKey({
        doc: input.doc,
        options,
        date,
        fixedDate: options.deterministic || input.now !== undefined,
        rest: {
          rulePack: input.rulePack,
          report: input.report,
          locale: input.locale ?? 'zh-CN',
          documentLocale: input.documentLocale ?? 'zh-CN',
          changes: options.changesPage ? input.changes : undefined,
          // A photo's flattening can appear after a bind (the scan job) with the record unchanged.
          origins: await imageVariants(materials, imageOrigin),
        },
      })
    : undefined;
  const reused = key && input.cache ? await reusePacket(input.cache, key, input.output, beforeRename) : undefined;
  if (reused) {
    beforeRename();
    input.onProgress?.({ phase: 'done', done: 1, total: 1 });
    return reused;
  }
  const assembled = await assemble({
    doc: input.doc,
    rulePack: input.rulePack,
    materials,
    options,
    tr,
    trMessages: translator(input.locale ?? 'zh-CN'),
    cover: plan.cover,
    frontMatter: true,
    changesPage: plan.changesPage,
    loadFile: input.loadFile,
    imageOrigin,
    cache: input.cache,
    onProgress: input.onProgress,
    signal: input.signal,
  });
  setInfo(assembled.doc, {
    title: tr('bind.metadata.title', { title: input.rulePack.title }),
    author: applicant,
    subject: tr('bind.metadata.subject', {
      title: input.rulePack.title,
      count: materials.length,
      pages: assembled.pages,
    }),
    date,
  });
  input.onProgress?.({ phase: 'write', done: 0, total: 1 });
  if (input.signal?.aborted) throw new UserError('bind.cancelled');
  const written = await writePdfAtomically(assembled.doc, input.output, input.signal);
  const result: BindResult = {
    output: input.output,
    pages: assembled.pages,
    bytes: written.bytes,
    sections: assembled.sections,
    warnings: [...notBoundWarnings(input.report, input.rulePack, input.locale ?? 'zh-CN'), ...assembled.warnings],
    sha256: written.sha256,
  };
  if (key && input.cache) {
    await rememberPacket(input.cache, key, result);
    await input.cache.sweep();
  }
  input.onProgress?.({ phase: 'done', done: 1, total: 1 });
  return result;
}

export type { BindOptions, BindProgress, BindResult } from '../model/schemas/bind-options';

/** The transform each bound image is placed with (see ImageOrigin), by file id; read without the images. */
async function imageVariants(
  materials: { files: FileRef[] }[],
  imageOrigin: ImageOriginOf | undefined,
): Promise<Record<string, unknown>> {
  if (!imageOrigin) return {};
  const images = materials.flatMap((m) => m.files).filter(isImageFile);
  const variants = await Promise.all(images.map(async (file) => [file.id, (await imageOrigin(file)).variant ?? null]));
  return Object.fromEntries(variants);
}

function oncePerFile(originOf: ImageOriginOf): ImageOriginOf {
  const known = new Map<string, ReturnType<ImageOriginOf>>();
  return (ref) => {
    let origin = known.get(ref.id);
    if (!origin) known.set(ref.id, (origin = originOf(ref)));
    return origin;
  };
}
