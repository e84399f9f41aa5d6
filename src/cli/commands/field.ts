/**
 * `matprep field <type> <value> [--json]`: judge one identifier as the app would store it (full-width
 * characters, spaces and case normalised first); exit 0 valid, 1 invalid, 2 unknown type.
 */
import { parseArgs } from 'node:util';
import { FIELD_VALIDATOR_TYPES, isFieldValidatorType } from '../../core/model/fields';
import { judgeFieldInput } from '../../i18n/fields';
import { t } from '../../i18n';
import { EXIT_NO, EXIT_OK, EXIT_USAGE, type Command } from '../runtime/context';

export const fieldCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const types = FIELD_VALIDATOR_TYPES.join(', ');
  if (positionals.length < 2) {
    ctx.stderr(t(ctx.locale, 'field.cli.usage', { types }));
    return EXIT_USAGE;
  }
  const [type, ...words] = positionals;
  if (!isFieldValidatorType(type)) {
    ctx.stderr(t(ctx.locale, 'field.unknownType', { type, types }));
    return EXIT_USAGE;
  }
  const result = judgeFieldInput(type, words.join(' '), { today: ctx.today, locale: ctx.locale });
  if (values.json) ctx.stdout(JSON.stringify({ valid: result.valid, reason: result.reason, value: result.value }));
  else if (!result.valid) ctx.stdout(result.reason ?? '');
  else
    ctx.stdout(
      result.warning
        ? t(ctx.locale, 'field.cli.warning', { warning: result.warning })
        : t(ctx.locale, 'field.cli.valid'),
    );
  return result.valid ? EXIT_OK : EXIT_NO;
};
