import type { Channel, ParsedRequest, Reply } from '../../shared/ipc';
import type { Locale } from '../../i18n';
import type { AppStore } from '../../core/settings/store';
import type { ProjectState, RulesDirs, WorkspaceContext } from '../../core/workspace/workspace';
import type { ProjectDoc } from '../../core/model/schemas/project';
import type { RulePack } from '../../core/model/schemas/rules';
import type { TemplateFormat } from '../../core/model/schemas/templates';
import type { FolderGrants } from './grants';
import type { Preparer } from './preparer';

/** What only the desktop shell can do; the e2e tests supply their own. */
export interface Platform {
  chooseFolder(purpose: 'create' | 'open' | 'rules' | 'projects'): Promise<string | null>;
  openPath(path: string): Promise<void>;
  showInFolder(path: string): Promise<void>;
  /** Print a PDF (the packet or the 补正清单); `path` has been checked to be a PDF. */
  printPdf(path: string): Promise<void>;
  /** A save dialog for a generated file of `format`, opening at `defaultPath`; null when cancelled. */
  chooseSaveFile(options: { defaultPath: string; format: TemplateFormat }): Promise<string | null>;
  /** Open an https page in the user's browser; `url` has been checked to be a built-in pack's source. */
  openExternal(url: string): Promise<void>;
  /** The UI language changed: relabel what the shell draws itself (menu, window title). */
  localeChanged?(locale: Locale): void;
}

export interface HandlerDeps {
  userDataDir: string;
  rulesDirs: RulesDirs;
  platform: Platform;
  /** The user's Documents folder (new projects go to Documents/matprep); defaults to ~/Documents. */
  documentsDir?: string;
  /** YYYY-MM-DD; defaults to the local date. */
  today?: () => string;
  version?: string;
  /**
   * The app-state store, when the caller needs the same one (main reads the locale for error
   * replies and dialogs: a second store would keep its own cached copy and miss a language switch).
   */
  store?: AppStore;
  /**
   * Confine what the renderer names to the user's choices (main always passes it; see grants.ts).
   * Test harnesses that stand in for the user leave it out.
   */
  grants?: FolderGrants;
  /**
   * After an import, a turn or new bind options, prepare the project's images in a worker thread
   * (the `prepare` job), so the next bind only copies them. Main turns it on; tests leave it off.
   */
  prepareInBackground?: boolean;
}

/** Shared by every handler group. */
export interface HandlerContext {
  deps: HandlerDeps;
  store: AppStore;
  locale(): Promise<Locale>;
  /** Rules folders including the user folder from settings. */
  workspace(): Promise<WorkspaceContext>;
  /** A project as the UI shows it (document, pack, today's report); pass the pack when already loaded. */
  view(project: { dir: string; doc: ProjectDoc }, pack?: RulePack): Promise<ProjectState>;
  /** The rule pack of a project folder. */
  packOf(dir: string): Promise<RulePack>;
  /** The background prepare job per project (see preparer.ts). */
  preparer: Preparer;
}

export type Handler<C extends Channel> = (request: ParsedRequest<C>) => Promise<Reply<C>>;
export type Handlers = { [C in Channel]: Handler<C> };
export type HandlerGroup<C extends Channel> = (ctx: HandlerContext) => { [K in C]: Handler<K> };
