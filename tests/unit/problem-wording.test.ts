/**
 * Every problem the check can report is worded in both languages with every placeholder filled: core
 * reports problems as data, so a param missing for a message would show as a raw `{name}`. Each
 * built-in pack is checked against an empty project, one with wrong values in every field, and one
 * whose files have every kind of trouble; each problem is worded for the app and for the CLI.
 */
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/core/check';
import { checkSecurityLog } from '../../src/core/model/security-log/check';
import type { Problem } from '../../src/core/model/schemas/check-report';
import { ProjectDocSchema, type MaterialEntry } from '../../src/core/model/schemas/project';
import type { RulePack } from '../../src/core/model/schemas/rules';
import { builtInRulesDir, listRulePacks } from '../../src/core/rules/loader';
import { LOCALES } from '../../src/i18n';
import { describeProblem } from '../../src/i18n/problems';
import { formatCheckReport, withWording } from '../../src/cli/commands/check';
import { file } from './check-fixtures';

const today = '2026-12-07';

function project(pack: RulePack, fields: Record<string, string>, entry: (id: string) => MaterialEntry | undefined) {
  const materials = Object.fromEntries(
    pack.materials.flatMap((m) => {
      const e = entry(m.id);
      return e ? [[m.id, e]] : [];
    }),
  );
  return ProjectDocSchema.parse({
    schemaVersion: 1,
    id: 'p',
    name: 'p',
    rulePack: { id: pack.id, version: pack.version },
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    fields,
    materials,
  });
}

/** Files with each kind of trouble: tiny, duplicated, too many PDF pages, dates wrong in every way. */
function troubled(variant: number): MaterialEntry {
  const twin = file({ width: 10, height: 10 });
  return {
    files: [
      twin,
      { ...twin, id: `${twin.id}b`, name: 'copy.jpg' },
      file({ mediaType: 'application/pdf', pages: 999, size: 90_000_000 }),
    ],
    confirmations: [],
    issuedOn: ['', '2030-01-01', '2001-01-01', 'soon'][variant],
    validUntil: ['', '2026-12-10', '2001-01-01', 'bad'][variant],
  };
}

async function everyProblem(): Promise<Problem[]> {
  const { packs } = await listRulePacks({ builtIn: builtInRulesDir() });
  const problems: Problem[] = [];
  for (const pack of packs) {
    const wrong = Object.fromEntries(pack.fields.map((f) => [f.id, f.type === 'multi' ? '不存在的选项' : 'x x/1']));
    const docs = [
      project(pack, {}, () => undefined),
      project(pack, wrong, () => undefined),
      ...[0, 1, 2, 3].map((v) => project(pack, wrong, () => troubled(v))),
    ];
    for (const doc of docs) {
      const report = checkProject(doc, pack, today);
      for (const result of [...report.fields, ...report.materials]) problems.push(...result.problems);
    }
  }
  const row = { id: 'r', date: '', problem: '', fix: '', effect: '', responsible: '', signed: false };
  problems.push(
    ...checkSecurityLog([], today),
    ...checkSecurityLog([row, { ...row, id: 's', date: '2099-01-01' }, { ...row, id: 't', date: '2020-02-30' }], today),
    ...checkSecurityLog(
      [{ ...row, date: '2020-01-01', problem: 'p', fix: 'f', responsible: 'r', signed: true }],
      today,
    ),
  );
  return problems;
}

describe('problem wording', () => {
  it('fills every placeholder of every problem in both languages, for the app and the CLI', async () => {
    const problems = await everyProblem();
    const codes = new Set(problems.map((p) => p.detail ?? p.code));
    // The sample reaches the check's whole range, not a handful of codes.
    expect(codes.size).toBeGreaterThan(25);
    for (const problem of problems) {
      for (const locale of LOCALES) {
        for (const advice of ['app', 'cli'] as const) {
          const { message, hint } = describeProblem(problem, locale, advice);
          const where = `${problem.detail ?? problem.code} (${locale}, ${advice})`;
          expect(message, where).not.toMatch(/\{\w+\}/);
          expect(message, where).not.toMatch(/^check\./);
          expect(hint ?? '', where).not.toMatch(/\{\w+\}/);
        }
      }
    }
  });

  it('leaves no placeholder in the CLI’s text or JSON report', async () => {
    const { packs } = await listRulePacks({ builtIn: builtInRulesDir() });
    for (const pack of packs) {
      const report = checkProject(
        project(pack, {}, () => undefined),
        pack,
        today,
      );
      for (const locale of LOCALES) {
        const text = formatCheckReport(report, locale).join('\n');
        expect(text, `${pack.id} ${locale}`).not.toMatch(/\{\w+\}/);
        const json = JSON.stringify(withWording(report, locale));
        expect(json, `${pack.id} ${locale}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('words a list param the locale’s way and a nested message in the same language', () => {
    const problem: Problem = {
      code: 'field.invalid',
      severity: 'error',
      params: { label: '域名', value: 'a', reason: { key: 'field.domain.noDot' }, options: ['a', 'b', 'c'] },
    };
    const zh = describeProblem(problem, 'zh-CN').message;
    const en = describeProblem(problem, 'en').message;
    expect(zh).toContain('“域名”');
    expect(en).toContain('"域名"');
    expect(zh).not.toBe(en);
    const option: Problem = {
      code: 'field.option',
      severity: 'error',
      params: { label: 'l', value: 'v', options: ['a', 'b', 'c'] },
    };
    expect(describeProblem(option, 'zh-CN').hint).toContain('a、b、c');
    expect(describeProblem(option, 'en').hint).toContain('a, b, c');
  });
});
