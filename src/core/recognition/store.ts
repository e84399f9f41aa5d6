/**
 * Readings kept with the project, one JSON file per file and kind: `readings/<sha256>.<kind>.json`.
 * Keyed by the file's content, so a file is read once however often it is attached, and never again
 * after it has been read; kept out of matprep.json, so the job that reads (in the worker) never
 * races the app's edits of the project document.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isUserError } from '../errors';
import { writeFileAtomic } from '../fs/atomic';
import { vaultPath } from '../project/store';
import { READINGS_DIR, type MaterialEntry } from '../model/schemas/project';
import { readTargets, readingKey, type Readings } from '../model/recognition/documents';
import type { ReadResult } from '../model/recognition/types';

export { READINGS_DIR };

function readingFile(dir: string, key: string): string {
  return join(dir, READINGS_DIR, `${key}.json`);
}

/** The stored readings of the project's readable files (those not read yet are absent). */
export async function loadReadings(
  dir: string,
  materials: Record<string, MaterialEntry | undefined>,
): Promise<Readings> {
  const readings: Readings = {};
  for (const { file, role } of readTargets(materials)) {
    const key = readingKey(file.sha256, role.kind);
    if (key in readings) continue;
    const text = await readFile(readingFile(dir, key), 'utf8').catch(() => undefined);
    if (!text) continue;
    try {
      readings[key] = JSON.parse(text) as ReadResult;
    } catch {
      // A damaged reading is read again next time rather than trusted.
    }
  }
  return readings;
}

/**
 * Read every readable file of the project that has no stored reading yet (at most `limit` of them),
 * and store what was read. Returns all readings. A file that cannot be read is stored with its reason,
 * so it is not retried.
 */
export async function readProjectFiles(
  dir: string,
  materials: Record<string, MaterialEntry | undefined>,
  options: { today: string; signal?: AbortSignal; limit?: number },
): Promise<Readings> {
  const readings = await loadReadings(dir, materials);
  // Loaded here, not at the top: the check loads readings on every change and never runs the engine.
  const { readDocument } = await import('./read');
  let read = 0;
  await mkdir(join(dir, READINGS_DIR), { recursive: true });
  for (const { file, role } of readTargets(materials)) {
    const key = readingKey(file.sha256, role.kind);
    if (key in readings) continue;
    if (options.signal?.aborted || (options.limit !== undefined && read >= options.limit)) break;
    read++;
    let result: ReadResult;
    try {
      result = await readDocument(await readFile(vaultPath(dir, file.sha256)), file.name, role.kind, options);
    } catch (error) {
      // A file that cannot be read (damaged, a password) is stored as such and not retried; anything
      // else (the engine failing) is left for the next run.
      if (!isUserError(error)) continue;
      if (error.code === 'recognition.unavailable') throw error;
      result = { kind: role.kind, fields: {}, confidence: {}, reason: error.code };
    }
    readings[key] = result;
    await writeFileAtomic(readingFile(dir, key), JSON.stringify(result));
  }
  return readings;
}

/** How many of the project's readable files have no stored reading yet. */
export async function unreadCount(dir: string, materials: Record<string, MaterialEntry | undefined>): Promise<number> {
  const readings = await loadReadings(dir, materials);
  return new Set(
    readTargets(materials)
      .map(({ file, role }) => readingKey(file.sha256, role.kind))
      .filter((key) => !(key in readings)),
  ).size;
}
