/**
 * `matprep read <file> --as business-licence|id-card-front|id-card-back [--json]`: the fields read
 * from a licence or ID card, offline. Exit 0 with the fields; 2 for bad arguments, a file that is no
 * image or PDF, or one where the document's text is not found.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { UserError } from '../../core/errors';
import { readDocument } from '../../core/recognition/read';
import { CERTAIN, isDocumentKind, type FieldKey, type ReadResult } from '../../core/model/recognition/types';
import { dynamicKey, t, type Locale } from '../../i18n';
import { EXIT_OK, EXIT_USAGE, type Command } from '../runtime/context';
import { UsageError } from '../runtime/errors';

/** The label of a field as printed on this kind of document (姓名 on an ID card, 名称 on a licence). */
function fieldLabel(result: ReadResult, key: FieldKey, locale: Locale): string {
  const personName = key === 'name' && result.kind === 'id-card-front';
  return t(locale, `recognition.field.${personName ? 'personName' : key}`);
}

function describe(result: ReadResult, locale: Locale): string[] {
  const lines = Object.entries(result.fields).map(([key, value]) =>
    t(locale, 'read.cli.line', {
      field: fieldLabel(result, key as FieldKey, locale),
      value,
      doubt: (result.confidence[key as FieldKey] ?? 0) < CERTAIN ? t(locale, 'recognition.doubt') : '',
    }),
  );
  if (result.qr) lines.push(t(locale, 'read.cli.qr', { text: result.qr.text }));
  if (result.rotated) lines.push(t(locale, 'read.cli.rotated', { degrees: result.rotated }));
  return lines;
}

export const readCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { as: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1 || values.as === undefined) {
    ctx.stderr(t(ctx.locale, 'read.cli.usage'));
    return EXIT_USAGE;
  }
  const kind = values.as;
  if (!isDocumentKind(kind)) throw new UsageError('read.cli.badKind', { value: kind });
  const [file] = positionals;
  const result = await readDocument(await readFile(file), file, kind, { today: ctx.today });
  if (result.reason) {
    throw new UserError(dynamicKey(result.reason), { file, kind: t(ctx.locale, `recognition.kind.${kind}`) });
  }
  if (values.json) {
    const { kind: k, fields, confidence, qr } = result;
    ctx.stdout(JSON.stringify(qr ? { kind: k, fields, confidence, qr } : { kind: k, fields, confidence }));
  } else {
    for (const line of describe(result, ctx.locale)) ctx.stdout(line);
  }
  return EXIT_OK;
};
