/**
 * Where the app's bundled files (rules/, assets/) are: next to the packaged app's resources, or in
 * the repository when running from a checkout (tests, CLI, `npm start`). Code is bundled into other
 * folders by electron-vite, so paths relative to a module file alone are not enough.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findResource(relative: string, from: string = import.meta.url): string {
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) {
    const packaged = join(resourcesPath, relative);
    if (existsSync(packaged)) return packaged;
  }
  let dir = dirname(from.startsWith('file:') ? fileURLToPath(from) : from);
  for (;;) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    const parent = resolve(dir, '..');
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`resource not found: ${relative}`);
}
