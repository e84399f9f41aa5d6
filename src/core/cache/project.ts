/** A project's cache: `cache/` in the project folder, disposable (deleting it costs only time). */
import { join } from 'node:path';
import { BlobCache, DEFAULT_CACHE_BYTES } from './store';

export const CACHE_DIR = 'cache';

/** `MATPREP_CACHE_MB` overrides the bound (0 turns the cache off, e.g. to time a cold bind). */
export function projectCache(dir: string): BlobCache | undefined {
  const mb = Number(process.env.MATPREP_CACHE_MB);
  if (process.env.MATPREP_CACHE_MB !== undefined && Number.isFinite(mb)) {
    return mb > 0 ? new BlobCache(join(dir, CACHE_DIR), mb * 1024 * 1024) : undefined;
  }
  return new BlobCache(join(dir, CACHE_DIR), DEFAULT_CACHE_BYTES);
}
