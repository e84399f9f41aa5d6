/** The benchmark's project: PDFs spread over ten materials, the photos in one, files from disk. */
import type { CheckReport } from '../src/core/model/schemas/check-report';
import type { RulePack } from '../src/core/model/schemas/rules';

export interface BenchProjectJob {
  /** The project folder (made afresh by the import step). */
  dir: string;
  pdfs: string[];
  photos: string[];
  /** The material the photos are added to, in one call. */
  photoMaterial: string;
  output: string;
}

const MATERIALS = 10;

export const materialOf = (index: number) => `m${(index % MATERIALS) + 1}`;

export function benchPack(): { rulePack: RulePack; report: CheckReport } {
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
  return { rulePack, report };
}
