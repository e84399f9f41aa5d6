/**
 * Scans kept with the project, by file content: `scans/<sha256>.json` (what the photo was found to
 * be and measured, read by the check) and `scans/<sha256>.<corners>.jpg` (the flattened page for
 * those corners, bound and exported instead of the photo). Kept out of matprep.json so the worker
 * that scans never races the app's edits; the vault's original is never touched.
 */
import type { BlobCache } from '../cache/store';
import type { ImageOrigin } from '../images/placed';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isUserError } from '../errors';
import { writeFileAtomic } from '../fs/atomic';
import { fingerprintOf } from '../model/fingerprint';
import { rolesOf } from '../model/recognition/documents';
import {
  ScanResultSchema,
  isFlattened,
  isScanTarget,
  type ScanQuad,
  type ScanResult,
  type Scans,
} from '../model/scan/result';
import { SCANS_DIR, isImageFile, type FileRef, type MaterialEntry } from '../model/schemas/project';
import { readVaultFile, vaultPath } from '../project/store';

export { SCANS_DIR };

const resultFile = (dir: string, sha256: string) => join(dir, SCANS_DIR, `${sha256}.json`);
const flatFile = (dir: string, sha256: string, corners: ScanQuad) =>
  join(dir, SCANS_DIR, `${sha256}.${fingerprintOf(corners)}.jpg`);

/** Every photo of the project to scan, once per content. */
export function scanTargets(materials: Record<string, MaterialEntry | undefined>): FileRef[] {
  const seen = new Map<string, FileRef>();
  for (const [materialId, entry] of Object.entries(materials)) {
    for (const file of entry?.files ?? []) {
      if (isScanTarget(file, rolesOf(materialId, file).length > 0) && !seen.has(file.sha256))
        seen.set(file.sha256, file);
    }
  }
  return [...seen.values()];
}

/** The stored results of the project's photos (those not scanned yet are absent). */
export async function loadScans(dir: string, materials: Record<string, MaterialEntry | undefined>): Promise<Scans> {
  const scans: Scans = {};
  for (const file of scanTargets(materials)) {
    const result = await storedResult(dir, file.sha256);
    if (result) scans[file.sha256] = result;
  }
  return scans;
}

/** One photo's stored result; a damaged one counts as none, so it is scanned again rather than trusted. */
async function storedResult(dir: string, sha256: string): Promise<ScanResult | undefined> {
  const text = await readFile(resultFile(dir, sha256), 'utf8').catch(() => undefined);
  const parsed = text ? ScanResultSchema.safeParse(safeJson(text)) : undefined;
  return parsed?.success ? parsed.data : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** How many of the project's photos have no stored result yet. */
export async function unscannedCount(
  dir: string,
  materials: Record<string, MaterialEntry | undefined>,
): Promise<number> {
  const scans = await loadScans(dir, materials);
  return scanTargets(materials).filter((file) => !scans[file.sha256]).length;
}

/**
 * Scan every photo of the project that has no stored result yet (at most `limit`), storing the
 * result and the flattened page. A file that cannot be scanned is stored with its reason.
 */
export async function scanProjectFiles(
  dir: string,
  materials: Record<string, MaterialEntry | undefined>,
  options: { signal?: AbortSignal; limit?: number } = {},
): Promise<Scans> {
  const scans = await loadScans(dir, materials);
  // Loaded here, not at the top: the check loads results on every change and never scans.
  const { scanImage } = await import('./scan');
  let done = 0;
  await mkdir(join(dir, SCANS_DIR), { recursive: true });
  for (const file of scanTargets(materials)) {
    if (scans[file.sha256]) continue;
    if (options.signal?.aborted || (options.limit !== undefined && done >= options.limit)) break;
    done++;
    let result: ScanResult;
    try {
      const output = await scanImage(await readFile(vaultPath(dir, file.sha256)), file.name);
      result = output.result;
      if (output.jpeg && result.corners) await writeFileAtomic(flatFile(dir, file.sha256, result.corners), output.jpeg);
    } catch (error) {
      if (!isUserError(error)) throw error;
      result = { width: 1, height: 1, fill: 1, cut: false, sharpness: 0, glare: 0, grid: 0, reason: error.code };
    }
    scans[file.sha256] = result;
    await writeFileAtomic(resultFile(dir, file.sha256), JSON.stringify(result));
  }
  return scans;
}

/**
 * The flattened page to place for a file instead of its original, or undefined to place the
 * original: the binder's and the exporter's "placed source". Made (and kept) when the user's
 * corners have no page yet.
 */
export async function flattenedImage(dir: string, file: FileRef): Promise<Uint8Array | undefined> {
  if (!isImageFile(file)) return undefined;
  const result = await storedResult(dir, file.sha256);
  if (!result || !isFlattened(result, file.scan)) return undefined;
  const corners = (file.scan?.corners ?? result.corners)!;
  const path = flatFile(dir, file.sha256, corners);
  const stored = await readFile(path).catch(() => undefined);
  if (stored) return stored;
  const { scanImage } = await import('./scan');
  const output = await scanImage(await readFile(vaultPath(dir, file.sha256)), file.name, { corners });
  if (!output.jpeg) return undefined;
  await mkdir(join(dir, SCANS_DIR), { recursive: true });
  await writeFileAtomic(path, output.jpeg);
  return output.jpeg;
}

/**
 * The bytes the binder and the exporter place for a file: the flattened page when there is one and
 * the user kept it, else the original. The vault file is read (and verified) either way.
 */
export async function placedSource(dir: string, file: FileRef, verified?: BlobCache): Promise<Uint8Array> {
  const original = await readVaultFile(dir, file, verified);
  return (await flattenedImage(dir, file)) ?? original;
}

/**
 * What placedSource places, named without reading the image (the prepared form is then found in the
 * cache without reading or hashing the photo), with its bytes on demand. A flattened page is named by
 * its corners and its stored file's size and time: a page made again (scans/ deleted, a newer
 * flattening) is a new origin, so a cached bind never places an older page than a fresh one would.
 */
export async function placedOrigin(dir: string, file: FileRef, verified?: BlobCache): Promise<ImageOrigin> {
  const result = isImageFile(file) ? await storedResult(dir, file.sha256) : undefined;
  if (result && isFlattened(result, file.scan)) {
    const corners = (file.scan?.corners ?? result.corners)!;
    const path = flatFile(dir, file.sha256, corners);
    // Made now if missing (the bind would make it anyway), so the name it gets is the one it keeps.
    let page = await stat(path).catch(() => undefined);
    if (!page && (await flattenedImage(dir, file))) page = await stat(path).catch(() => undefined);
    return {
      variant: { flatten: corners.flat(), ...(page ? { size: page.size, mtime: page.mtimeMs } : {}) },
      bytes: () => placedSource(dir, file, verified),
    };
  }
  return { bytes: () => readVaultFile(dir, file, verified) };
}

/**
 * What the before/after view shows for a file: its stored result (null: not scanned) and the page
 * flattened with its corners (the user's, else the detected) even while the user keeps the original,
 * so switching back shows what they would get.
 */
export async function scanOf(
  dir: string,
  file: FileRef,
): Promise<{ result: ScanResult | null; flattened: Uint8Array | null }> {
  const result = await storedResult(dir, file.sha256);
  const corners = file.scan?.corners;
  const flattened = result
    ? await flattenedImage(dir, { ...file, scan: corners ? { corners } : undefined })
    : undefined;
  return { result: result ?? null, flattened: flattened ?? null };
}
