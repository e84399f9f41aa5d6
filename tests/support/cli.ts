/**
 * Running `matprep` from tests: in-process through `runCli` (the same dispatcher and commands the
 * binary runs, fast), or the real `bin/matprep.js` in a child process where exit codes and what
 * reaches the terminal matter.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { runCli } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const root = resolve(__dirname, '../..');

export async function runInProcess(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s + '\n'), stderr: (s) => (stderr += s + '\n') });
  return { code, stdout, stderr };
}

export function runBinary(...args: string[]): CliRun {
  const run = spawnSync(process.execPath, [join(root, 'bin/matprep.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, MATPREP_DEBUG: '', MATPREP_LANG: '' },
  });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}
