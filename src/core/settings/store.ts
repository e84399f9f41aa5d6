/**
 * App-wide state kept in the user-data folder (not in any project): settings and recent projects,
 * in one small lowdb file. A damaged file is backed up and replaced by defaults, because losing a
 * recent-projects list is harmless while refusing to start is not.
 */
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { openDocument } from '../project/document';
import { writeFileAtomic } from '../fs/atomic';
import { UserError } from '../errors';
import { AppStateSchema, type AppState, type RecentProject } from '../model/schemas/settings';

export { SettingsSchema, RecentProjectSchema, AppStateSchema } from '../model/schemas/settings';
export type { Settings, RecentProject, AppState } from '../model/schemas/settings';

export const APP_STATE_FILE = 'matprep-app.json';
const MAX_RECENT = 20;

export interface AppStore {
  read(): Promise<AppState>;
  update(mutate: (state: AppState) => void): Promise<AppState>;
  /** A message about a damaged file that was replaced by defaults, once. */
  takeWarning(): UserError | undefined;
}

export function defaultAppState(): AppState {
  return AppStateSchema.parse({});
}

/** The app store in `userDataDir`. Reads are cached; writes are serialised and atomic. */
export function createAppStore(userDataDir: string): AppStore {
  const file = join(userDataDir, APP_STATE_FILE);
  let cached: AppState | undefined;
  let warning: UserError | undefined;
  let chain: Promise<unknown> = Promise.resolve();

  async function load(): Promise<AppState> {
    if (cached) return cached;
    try {
      const db = await openDocument<AppState>(file, AppStateSchema, defaultAppState(), {
        corrupt: 'settings.corrupt',
        invalid: 'settings.invalid',
      });
      cached = db.data;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      warning = error;
      cached = defaultAppState();
    }
    return cached;
  }

  return {
    read: load,
    update(mutate) {
      const next = chain.then(async () => {
        const state = structuredClone(await load());
        mutate(state);
        const checked = AppStateSchema.parse(state);
        await mkdir(userDataDir, { recursive: true });
        await writeFileAtomic(file, JSON.stringify(checked, null, 2) + '\n');
        cached = checked;
        return checked;
      });
      chain = next.catch(() => undefined);
      return next;
    },
    takeWarning() {
      const w = warning;
      warning = undefined;
      return w;
    },
  };
}

/** Put a project at the top of the recent list (one entry per folder). */
export function rememberRecent(state: AppState, entry: RecentProject): void {
  state.recent = [entry, ...state.recent.filter((r) => r.dir !== entry.dir)].slice(0, MAX_RECENT);
}
