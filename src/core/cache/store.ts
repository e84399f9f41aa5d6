/**
 * A disposable, bounded store of derived bytes (prepared images, font subsets, packets' identities)
 * in a project's `cache/` folder. An entry is named by the sha256 of its key record and carries that
 * record and the sha256 of its payload in a header; a read checks both, so an entry is never used
 * for a key it was not made for, and a damaged one is removed and reported as a miss (the caller
 * makes the bytes again). Deleting the folder costs only time. Reads refresh an entry's mtime; when
 * the folder grows past its bound, the least recently used entries go first.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { stableJson } from '../model/fingerprint';
import { writeFileAtomic } from '../fs/atomic';
import { readRegularFile } from '../fs/confine';

/** Change when the entry layout changes: older entries then simply miss. */
const FORMAT = 'matprep-cache-1';
export const DEFAULT_CACHE_BYTES = 512 * 1024 * 1024;
const ENTRY_NAME = /^[0-9a-f]{64}$/;

/** The key: what made the bytes (kind, source hashes, every option that shapes them). Plain JSON data. */
export type CacheKey = { kind: string } & Record<string, unknown>;

export interface CacheEntry {
  payload: Uint8Array;
  /** Small plain data stored with the payload (an image's size, a packet's result). */
  meta: Record<string, unknown>;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

export function cacheKeyHash(key: CacheKey): string {
  return sha256(`${FORMAT}\n${stableJson(key)}`);
}

export interface CacheStats {
  hits: number;
  misses: number;
  rejected: number;
  writes: number;
}

export class BlobCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, rejected: 0, writes: 0 };
  private written = 0;

  constructor(
    readonly dir: string,
    readonly maxBytes: number = DEFAULT_CACHE_BYTES,
  ) {}

  /** The entry for `key`, verified; undefined when absent, damaged or made for another key. */
  async get(key: CacheKey): Promise<CacheEntry | undefined> {
    const name = cacheKeyHash(key);
    const file = join(this.dir, name);
    let bytes: Uint8Array;
    try {
      bytes = await readRegularFile(file);
    } catch {
      this.stats.misses++;
      return undefined;
    }
    const entry = decode(bytes, name);
    if (!entry) {
      this.stats.rejected++;
      await rm(file, { force: true }).catch(() => undefined);
      return undefined;
    }
    this.stats.hits++;
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return entry;
  }

  /** Store `payload` under `key` (temp + rename). A cache that cannot be written costs time, never the job. */
  async put(key: CacheKey, payload: Uint8Array, meta: Record<string, unknown> = {}): Promise<void> {
    const name = cacheKeyHash(key);
    const header = Buffer.from(
      JSON.stringify({ format: FORMAT, name, key: stableJson(key), sha256: sha256(payload), meta }),
      'utf8',
    );
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length);
    try {
      if (!(await this.usable())) return;
      await writeFileAtomic(join(this.dir, name), Buffer.concat([length, header, payload]), { durable: false });
      this.stats.writes++;
      this.written += payload.length;
      // Sweeping reads the folder: only after enough was written to matter.
      if (this.written > this.maxBytes / 8) {
        this.written = 0;
        await this.sweep();
      }
    } catch {
      // Full disk, read-only project: the next run prepares again.
    }
  }

  /** Remove the least recently used entries until the folder is within its bound; returns the bytes kept. */
  async sweep(maxBytes = this.maxBytes): Promise<number> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const entries: { file: string; size: number; used: number }[] = [];
    for (const name of names) {
      if (!ENTRY_NAME.test(name)) continue;
      const file = join(this.dir, name);
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile()) entries.push({ file, size: info.size, used: info.mtimeMs });
    }
    entries.sort((a, b) => b.used - a.used);
    let kept = 0;
    for (const entry of entries) {
      if (kept + entry.size <= maxBytes) kept += entry.size;
      else await rm(entry.file, { force: true }).catch(() => undefined);
    }
    return kept;
  }

  /** The folder exists and is a real folder (never a link out of the project). */
  private async usable(): Promise<boolean> {
    await mkdir(this.dir, { recursive: true });
    const info = await lstat(this.dir);
    return info.isDirectory();
  }
}

function decode(bytes: Uint8Array, name: string): CacheEntry | undefined {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const length = buffer.readUInt32BE(0);
    const header = JSON.parse(buffer.subarray(4, 4 + length).toString('utf8')) as {
      format?: unknown;
      name?: unknown;
      key?: unknown;
      sha256?: unknown;
      meta?: unknown;
    };
    // A copy of its own: pdf-lib reads an embedded JPEG through its ArrayBuffer from offset 0.
    const payload = new Uint8Array(bytes.subarray(4 + length));
    if (header.format !== FORMAT || header.name !== name || typeof header.key !== 'string') return undefined;
    // The stored key must hash to the name asked for: an entry copied or renamed is not trusted.
    if (sha256(`${FORMAT}\n${header.key}`) !== name) return undefined;
    if (header.sha256 !== sha256(payload)) return undefined;
    const meta = header.meta && typeof header.meta === 'object' ? (header.meta as Record<string, unknown>) : {};
    return { payload, meta };
  } catch {
    return undefined;
  }
}
