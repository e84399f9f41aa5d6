/** `matprep export <dir> -o <out.zip> [--json]`: one file per material, within the rule pack's size caps. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportProject, loadProject, applyPasswords, parsePasswordArgs } from '../../core/workspace/workspace';
import { t } from '../../i18n';
import { EXIT_OK, EXIT_USAGE, type Command } from '../runtime/context';
import { formatSize } from './bind';
import { assertNotDirectory } from '../runtime/errors';

export const exportCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      password: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1 || !values.output) {
    ctx.stderr(t(ctx.locale, 'cli.export.usage'));
    return EXIT_USAGE;
  }
  const output = resolve(values.output);
  await assertNotDirectory(output);
  const state = await loadProject(positionals[0], ctx);
  // Passwords for this run only, never saved.
  applyPasswords(state.doc, parsePasswordArgs(values.password ?? []));
  const result = await exportProject(state, ctx, output);
  if (values.json) ctx.stdout(JSON.stringify(result, null, 2));
  else {
    ctx.stdout(t(ctx.locale, 'export.written', { count: result.files.length, output }));
    for (const f of result.files) ctx.stdout(`  ${f.name}  ${formatSize(f.bytes)}`);
  }
  return EXIT_OK;
};
