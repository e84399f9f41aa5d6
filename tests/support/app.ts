/**
 * The real handler table behind the real dispatch, as the UI reaches it, for tests that exercise
 * channels without a browser: `raw` gives the Result, `call` unwraps it (throwing on errors), and
 * `finishBind` / `finishExport` poll a job to its end the way the bind screen does.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers, type Handlers } from '../../src/main/handlers';
import { dispatch } from '../../src/main/dispatch';
import { builtInRulesDir } from '../../src/core/rules/loader';
import type { BindJob, Channel, ExportJob, Reply, Request, Result } from '../../src/shared/ipc';
import type { RulesDirs } from '../../src/core/workspace/workspace';
import { testPlatform, type TestPlatform } from './platform';

export interface TestApp {
  handlers: Handlers;
  platform: TestPlatform;
  raw<C extends Channel>(channel: C, request: Request<C>): Promise<Result<Reply<C>>>;
  call<C extends Channel>(channel: C, request: Request<C>): Promise<Reply<C>>;
  /** Poll a started bind job until it is no longer running. */
  finishBind(job: BindJob): Promise<BindJob>;
  /** Poll a started export job until it is no longer running. */
  finishExport(job: ExportJob): Promise<ExportJob>;
}

export async function createTestApp(
  opts: {
    today?: string;
    userDataDir?: string;
    rulesDirs?: RulesDirs;
    platform?: TestPlatform;
    prepareInBackground?: boolean;
  } = {},
): Promise<TestApp> {
  const platform = opts.platform ?? testPlatform();
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'matprep-ud-')));
  const handlers = createHandlers({
    userDataDir,
    // Never the real Documents folder: new projects land beside the test's app file.
    documentsDir: join(userDataDir, 'Documents'),
    rulesDirs: opts.rulesDirs ?? { builtIn: builtInRulesDir() },
    platform,
    today: () => opts.today ?? '2026-11-23',
    prepareInBackground: opts.prepareInBackground,
  });
  const raw = async <C extends Channel>(channel: C, request: Request<C>) =>
    (await dispatch(handlers, channel, request, () => 'zh-CN')) as Result<Reply<C>>;
  const call = async <C extends Channel>(channel: C, request: Request<C>) => {
    const result = await raw(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  const finish = async <J extends BindJob | ExportJob>(started: J, status: 'bind:status' | 'export:status') => {
    let job = started;
    for (let i = 0; i < 1200 && job.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      job = (await call(status, { jobId: job.jobId })) as J;
    }
    return job;
  };
  const finishBind = (job: BindJob) => finish(job, 'bind:status');
  const finishExport = (job: ExportJob) => finish(job, 'export:status');
  return { handlers, platform, raw, call, finishBind, finishExport };
}
