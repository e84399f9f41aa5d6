/**
 * `matprep accept <dir> <materialId> <code> [--file <name>] [--undo]`: accept a material's open warning
 * as it is (已查看，仍使用), or take that back; the app's button calls the same service.
 */
import { parseArgs } from 'node:util';
import { acceptWarning } from '../../core/workspace/accept';
import { t } from '../../i18n';
import { EXIT_OK, EXIT_USAGE, type Command } from '../runtime/context';

export const acceptCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { file: { type: 'string' }, undo: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 3) {
    ctx.stderr(t(ctx.locale, 'accept.cli.usage'));
    return EXIT_USAGE;
  }
  const [dir, materialId, code] = positionals;
  await acceptWarning(dir, ctx, { materialId, code, file: values.file, undo: values.undo });
  ctx.stdout(t(ctx.locale, values.undo ? 'accept.cli.undone' : 'accept.cli.accepted', { material: materialId, code }));
  return EXIT_OK;
};
