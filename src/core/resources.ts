/**
 * Where the app's bundled files (rules/, assets/) are: next to the packaged app's resources, or in
 * the repository when running from a checkout (tests, CLI, `npm start`), found by walking up from the
 * given folders. Code is bundled into other folders by electron-vite, so a fixed path relative to a
 * module file is not enough.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function findResource(relative: string, startDirs: string[]): string | undefined {
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath && existsSync(join(resourcesPath, relative))) return join(resourcesPath, relative);
  for (const start of startDirs) {
    for (let dir = start; ; dir = dirname(dir)) {
      const candidate = join(dir, relative);
      if (existsSync(candidate)) return candidate;
      if (dirname(dir) === dir) break;
    }
  }
  return undefined;
}
