/**
 * `matprep template <dir> --list [--json]`: the materials of the project's pack that have a fill-in
 * template; `matprep template <dir> <materialId> -o <out.pdf|out.docx>`: that template filled with
 * the project's subject fields (the format follows the extension); `matprep template --schema`: the
 * template file's JSON Schema.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadProject } from '../../core/workspace/workspace';
import { listProjectTemplates, templateFormatOf, writeProjectTemplate } from '../../core/workspace/templates';
import { templateJsonSchema } from '../../core/rules/templates';
import { t } from '../../i18n';
import { EXIT_OK, EXIT_USAGE, type Command } from '../runtime/context';
import { assertNotDirectory } from '../runtime/errors';

export const templateCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      list: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      schema: { type: 'boolean', default: false },
    },
  });
  if (values.schema && positionals.length === 0) {
    ctx.stdout(JSON.stringify(templateJsonSchema(), null, 2));
    return EXIT_OK;
  }
  const listing = values.list && positionals.length === 1 && !values.output;
  const rendering = !values.list && positionals.length === 2 && values.output;
  if (!listing && !rendering) {
    ctx.stderr(t(ctx.locale, 'templates.cli.usage'));
    return EXIT_USAGE;
  }
  // A wrong extension is refused before the project is read.
  if (values.output) templateFormatOf(values.output);
  const state = await loadProject(positionals[0], ctx);
  if (listing) {
    const templates = await listProjectTemplates(state, ctx);
    if (values.json) {
      ctx.stdout(
        JSON.stringify(
          templates.map(({ materialId, title, formats }) => ({ materialId, title, formats })),
          null,
          2,
        ),
      );
    } else if (templates.length === 0) {
      ctx.stdout(t(ctx.locale, 'templates.noneInPack'));
    } else {
      ctx.stdout(t(ctx.locale, 'templates.cli.listHeader'));
      for (const l of templates) ctx.stdout(`  ${l.materialId}：${l.title} [${l.formats.join(', ')}]`);
    }
    return EXIT_OK;
  }
  const output = resolve(values.output!);
  await assertNotDirectory(output);
  const written = await writeProjectTemplate(state, ctx, positionals[1], output);
  ctx.stdout(t(ctx.locale, 'templates.cli.written', { title: written.title, output }));
  return EXIT_OK;
};
