/**
 * Every template every built-in pack names, rendered with a project's values to PDF and .docx and
 * read back: the PDF through pdftotext, the .docx unzipped (word/document.xml). The company's name
 * (and its USCC where the template asks for it) must be there, and no `{placeholder}` may reach paper.
 */
import { mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { builtInRulesDir, listRulePacks } from '../../src/core/rules/loader';
import { loadTemplate, parseTemplate, templateJsonSchema, TEMPLATES_DIR } from '../../src/core/rules/templates';
import { renderTemplate } from '../../src/core/templates/index';
import { fillTemplate } from '../../src/core/templates/document';
import { placeholdersOf, type Template } from '../../src/core/model/schemas/templates';
import type { RulePack } from '../../src/core/model/schemas/rules';
import type { FieldValue } from '../../src/core/model/schemas/values';
import { pageTexts } from '../fixtures/pdf-read';
import { wrapText } from '../../src/core/bind/cjk';

const dirs = { builtIn: builtInRulesDir() };
const NAME = '测试示例科技有限公司';
const USCC = '91310110666007217T';
const PERSON_ID = '11010519491231002X';

/** A project's values for `pack`: every field's example, the company (or person) named as above. */
function valuesFor(pack: RulePack): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const field of pack.fields) if (field.example) values[field.id] = field.example;
  Object.assign(values, { org_name: NAME, name: NAME, uscc: USCC, id_number: PERSON_ID });
  return values;
}

/** Text of a .docx: the runs of word/document.xml, tags dropped. */
function docxText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
  return xml.replace(/<[^>]+>/g, '');
}

const expectedId = (template: Template) =>
  placeholdersOf(template).some((p) => p.split('|').includes('uscc')) ? [USCC] : [];

describe('fill-in templates of the built-in packs', async () => {
  const { packs } = await listRulePacks(dirs);
  const pairs = packs.flatMap((pack) =>
    pack.materials.filter((m) => m.template).map((m) => ({ pack, material: m, templateId: m.template! })),
  );

  it('has at least three templates in every pack with applicant-written materials', () => {
    const counts = new Map(packs.map((p) => [p.id, pairs.filter((x) => x.pack.id === p.id).length]));
    // Packs whose applicant-written materials are fewer than three (the rest are official forms or scans).
    const fewer = new Set(['app-filing', 'psb-filing', 'publication-distribution-licence']);
    for (const [id, count] of counts) expect(count, id).toBeGreaterThanOrEqual(fewer.has(id) ? 2 : 3);
  });

  it.each(pairs.map((p) => [`${p.pack.id} / ${p.material.id} → ${p.templateId}`, p] as const))(
    '%s renders to PDF and .docx with the project’s details',
    async (_, { pack, templateId }) => {
      const template = await loadTemplate(dirs, templateId);
      const values = valuesFor(pack);
      const dir = await mkdtemp(join(tmpdir(), 'matprep-template-'));
      const pdf = join(dir, 'out.pdf');
      await writeFile(pdf, await renderTemplate(template, values, '2026-12-07', 'pdf', pack.subject));
      const text = pageTexts(pdf, 'raw').join('\n').replace(/\s+/g, '');
      const docx = docxText(await renderTemplate(template, values, '2026-12-07', 'docx', pack.subject));
      for (const rendered of [text, docx]) {
        expect(rendered).toContain(template.title.zh.replace(/\s+/g, ''));
        expect(rendered).toContain(NAME);
        for (const id of expectedId(template)) expect(rendered).toContain(id);
        expect(rendered).not.toMatch(/[{}]/);
      }
      if (template.date === 'today') expect(text).toContain('2026年12月7日');
      // A person has no seal: an individual's paper asks for a signature only.
      if (pack.subject === 'individual') expect(text).not.toMatch(/盖章）/);
    },
  );

  it('names only fields that a pack using the template has (a typo would always print a blank)', async () => {
    const unknown: string[] = [];
    for (const templateId of new Set(pairs.map((p) => p.templateId))) {
      const template = await loadTemplate(dirs, templateId);
      const users = pairs.filter((p) => p.templateId === templateId);
      const known = new Set(users.flatMap((p) => p.pack.fields.map((f) => f.id)));
      for (const name of placeholdersOf(template).flatMap((p) => p.split('|'))) {
        if (!name.startsWith('_') && name !== 'today' && !known.has(name)) unknown.push(`${templateId}: {${name}}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('uses every template file, and each cites the official text it follows', async () => {
    const files = (await readdir(join(dirs.builtIn, TEMPLATES_DIR))).filter((f) => f.endsWith('.yaml'));
    const ids = new Set(pairs.map((p) => p.templateId));
    expect(files.map((f) => f.replace(/\.yaml$/, '')).sort()).toEqual([...ids].sort());
    for (const id of ids) expect((await loadTemplate(dirs, id)).basis.length, id).toBeGreaterThan(0);
    // docs/TEMPLATES.md lists each template with the texts it follows.
    const doc = await readFile(join(__dirname, '../../docs/TEMPLATES.md'), 'utf8');
    for (const id of ids) expect(doc, id).toContain(`\`${id}\``);
  });

  it('publishes the template file schema as generated (matprep template --schema)', async () => {
    const file = JSON.parse(await readFile(join(dirs.builtIn, TEMPLATES_DIR, 'template.schema.json'), 'utf8'));
    expect(file).toEqual(JSON.parse(JSON.stringify(templateJsonSchema())));
  });
});

describe('filling a template', () => {
  const template = (body: string): Template => {
    const text = `id: t\ntitle: { zh: 标题, en: Title }\nbody:\n  - paragraph: "${body}"\n`;
    const parsed = parseTemplate(text, '/x/t.yaml');
    if (!parsed.template) throw new Error(JSON.stringify(parsed.problems));
    return parsed.template;
  };
  const runsOf = (body: string, values: Record<string, FieldValue>) =>
    fillTemplate(template(body), values, '2026-12-07').blocks[0];

  it('fills a value, the first of alternatives that has one, and leaves a blank for a missing one', () => {
    expect(runsOf('{a|b}与{c}', { b: '乙' })).toEqual({
      kind: 'paragraph',
      runs: [{ text: '乙与' }, { blank: 8 }],
    });
    expect(runsOf('{c|_3}{_}{today}', { c: ['x.cn', 'y.cn'] })).toMatchObject({
      runs: [{ text: 'x.cn、y.cn' }, { blank: 6 }, { text: '2026年12月7日' }],
    });
    expect(runsOf('{c|_3}', { c: '  ' })).toMatchObject({ runs: [{ blank: 3 }] });
  });

  it('refuses a placeholder it cannot fill, at its line', () => {
    const { template: t, problems } = parseTemplate(
      'id: t\ntitle: { zh: 标题, en: Title }\nbody:\n  - line: "致：{Org Name}"\n',
      '/x/t.yaml',
    );
    expect(t).toBeUndefined();
    expect(problems[0]).toMatchObject({ line: 4 });
    expect(
      parseTemplate('id: u\ntitle: { zh: 标题, en: T }\nbody:\n  - line: 致\n', '/x/t.yaml').problems[0].code,
    ).toBe('templates.idMismatch');
  });
});

describe('line breaking (禁则)', () => {
  it('never starts a line with closing punctuation, even two marks in a row', () => {
    const lines = wrapText('一二三图）。四', 5, (text) => [...text].length);
    expect(lines).toEqual(['一二三', '图）。四']);
  });
});
