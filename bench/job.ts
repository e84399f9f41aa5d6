/** The benchmark's project: PDFs and photos spread over ten materials, files read from disk. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CheckReport } from '../src/core/model/schemas/check-report';
import type { FileRef, ProjectDoc } from '../src/core/model/schemas/project';
import type { RulePack } from '../src/core/model/schemas/rules';

export interface BenchJob {
  pdfs: string[];
  photos: string[];
  output: string;
}

const MATERIALS = 10;

export function benchProject(job: BenchJob): {
  doc: ProjectDoc;
  rulePack: RulePack;
  report: CheckReport;
  loadFile: (ref: FileRef) => Promise<Uint8Array>;
} {
  const rulePack: RulePack = {
    id: 'bench',
    title: '基准测试申请材料',
    version: '1',
    effective: '2026-01-01',
    authority: 'bench',
    subject: 'enterprise',
    sources: ['bench'],
    fields: [],
    materials: Array.from({ length: MATERIALS }, (_, i) => ({
      id: `m${i + 1}`,
      title: `材料 ${i + 1}`,
      required: true,
      severity: 'error' as const,
      accept: ['pdf', 'jpg', 'png'] as ('pdf' | 'jpg' | 'png')[],
      ...(i === 1 ? { watermark: '仅供{purpose}使用，他用无效' } : {}),
    })),
  };
  const paths = new Map<string, string>();
  const files = [...job.pdfs, ...job.photos].map((file, i): FileRef => {
    const id = `f${i}`;
    paths.set(id, file);
    return {
      id,
      sha256: '0'.repeat(64),
      name: path.basename(file),
      size: 0,
      mediaType: file.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg',
      addedAt: '2026-01-01T00:00:00.000Z',
      rotate: 0,
    };
  });
  const materials: ProjectDoc['materials'] = {};
  files.forEach((file, i) => {
    const id = `m${(i % MATERIALS) + 1}`;
    (materials[id] ??= { files: [], confirmations: [] }).files.push(file);
  });
  const doc: ProjectDoc = {
    schemaVersion: 1,
    id: 'bench',
    name: 'bench',
    rulePack: { id: 'bench', version: '1' },
    fields: { company_name: '基准测试有限公司' },
    materials,
    bindOptions: {},
    history: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  const report: CheckReport = {
    rulePack: { id: 'bench', version: '1', title: rulePack.title },
    today: '2026-01-01',
    complete: true,
    completeness: 1,
    fields: [],
    materials: rulePack.materials.map((m) => ({
      id: m.id,
      title: m.title,
      status: 'ok',
      required: true,
      problems: [],
    })),
  };
  return { doc, rulePack, report, loadFile: (ref) => readFile(paths.get(ref.id)!) };
}
