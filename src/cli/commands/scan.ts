/**
 * `matprep scan <image> -o <out.jpg> [--json]`: a phone photo of a document made into a scan (the
 * page found, flattened, cropped, light evened), with what a reviewer would reject. Exit 0 with
 * the scan written; 2 for bad arguments or a file that is not a readable image.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../core/fs/atomic';
import { scanFlaws } from '../../core/model/scan/result';
import { makeProblem } from '../../core/model/schemas/check-report';
import { scanImage } from '../../core/scan/scan';
import { t } from '../../i18n';
import { describeProblem } from '../../i18n/problems';
import { EXIT_OK, EXIT_USAGE, type Command } from '../runtime/context';

export const scanCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1 || !values.output) {
    ctx.stderr(t(ctx.locale, 'scan.cli.usage'));
    return EXIT_USAGE;
  }
  const [file] = positionals;
  const bytes = await readFile(file);
  const { result, jpeg, width, height } = await scanImage(bytes, file);
  const output = resolve(values.output);
  // Without a page there is nothing to flatten: the photo itself is the scan.
  await writeFileAtomic(output, jpeg ?? bytes);
  const problems = scanFlaws(result, {}).map((flaw) => {
    const problem = makeProblem(`image.${flaw}`, 'warning', { file });
    return { code: problem.code, message: describeProblem(problem, ctx.locale, 'cli').message };
  });
  if (values.json) {
    ctx.stdout(JSON.stringify({ output, corners: result.corners ?? null, width, height, problems }));
    return EXIT_OK;
  }
  if (!jpeg) ctx.stdout(t(ctx.locale, 'scan.cli.noPage'));
  ctx.stdout(t(ctx.locale, 'scan.cli.done', { output, width, height }));
  for (const problem of problems) ctx.stdout(t(ctx.locale, 'scan.cli.problem', { message: problem.message }));
  return EXIT_OK;
};
