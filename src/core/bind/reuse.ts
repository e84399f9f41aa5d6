/**
 * Re-binding an unchanged project: the packet's inputs (the project as binding reads it, the rule
 * pack, the check report, the options, the date, the languages, this build of the binder) are hashed
 * into a cache key; when an earlier bind with the same key left a packet whose bytes still hash to
 * what was written, that packet is the answer (copied when another output path is asked for).
 * Without `deterministic` or a given date, the key takes the day (what the cover prints), so a
 * re-bind on the same day keeps the first bind's metadata time.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BlobCache, CacheKey } from '../cache/store';
import { tempNameFor } from '../fs/atomic';
import { toUserError } from '../errors';
import { stableJson } from '../model/fingerprint';
import type { BindOptions, BindResult } from '../model/schemas/bind-options';
import type { ProjectDoc } from '../model/schemas/project';

export interface PacketInputs {
  doc: ProjectDoc;
  options: BindOptions;
  date: Date;
  /** Everything else the packet is made from (rule pack, report, languages, changes): plain data. */
  rest: Record<string, unknown>;
  /** Whether `date` is fixed (deterministic, or given by the caller) rather than the clock's. */
  fixedDate: boolean;
}

let build: Promise<number> | undefined;
/** This build of the binder: a new version never reuses a packet an older one made. */
function buildStamp(): Promise<number> {
  build ??= stat(fileURLToPath(import.meta.url)).then(
    (info) => info.mtimeMs,
    () => 0,
  );
  return build;
}

export async function packetKey(inputs: PacketInputs): Promise<CacheKey> {
  // Not part of what is printed, or secret: history, timestamps, run-only passwords.
  const materials = Object.fromEntries(
    Object.entries(inputs.doc.materials).map(([id, entry]) => [
      id,
      { ...entry, files: entry.files.map(({ password: _password, addedAt: _addedAt, ...file }) => file) },
    ]),
  );
  const doc = { ...inputs.doc, materials, history: undefined, updatedAt: undefined };
  const date = inputs.fixedDate ? inputs.date.toISOString() : inputs.date.toISOString().slice(0, 10);
  const digest = createHash('sha256')
    .update(stableJson({ doc, options: inputs.options, date, rest: inputs.rest, build: await buildStamp() }))
    .digest('hex');
  return { kind: 'packet', inputs: digest };
}

async function fileSha256(file: string): Promise<string | undefined> {
  try {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

/** The earlier packet for `key`, in place at `output`, or undefined when there is none to trust. */
export async function reusePacket(
  cache: BlobCache,
  key: CacheKey,
  output: string,
  beforeRename: () => void,
): Promise<BindResult | undefined> {
  const entry = await cache.get(key);
  const meta = entry?.meta as { result?: BindResult; sha256?: string } | undefined;
  if (!meta?.result || typeof meta.sha256 !== 'string') return undefined;
  const earlier = path.resolve(meta.result.output);
  if ((await fileSha256(earlier)) !== meta.sha256) return undefined;
  const target = path.resolve(output);
  if (target !== earlier) {
    const temp = tempNameFor(target);
    try {
      await copyFile(earlier, temp);
      beforeRename();
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw toUserError(error, output);
    }
  }
  return { ...meta.result, output };
}

export async function rememberPacket(cache: BlobCache, key: CacheKey, result: BindResult): Promise<void> {
  await cache.put(key, new Uint8Array(), {
    result: { ...result, output: path.resolve(result.output) },
    sha256: result.sha256,
  });
}
