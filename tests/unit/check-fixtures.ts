/** Realistic projects for the check tests (ICP备案·单位 in 广东), shared by the check and CLI tests. */
import { cnIdCheckChar } from '../../src/core/model/fields';
import {
  ProjectDocSchema,
  type FileRef,
  type MaterialEntry,
  type ProjectDoc,
} from '../../src/core/model/schemas/project';

let fileCount = 0;
export function file(over: Partial<FileRef> = {}): FileRef {
  fileCount++;
  return {
    id: `f${fileCount}`,
    sha256: fileCount.toString(16).padStart(64, '0'),
    name: `scan-${fileCount}.jpg`,
    size: 400_000,
    mediaType: 'image/jpeg',
    addedAt: '2026-11-20T08:00:00.000Z',
    width: 2480,
    height: 1754,
    rotate: 0,
    ...over,
  };
}

const idCard = (): MaterialEntry => ({
  files: [file({ part: 'front' }), file({ part: 'back' })],
  confirmations: ['原件彩色扫描或拍照'],
  validUntil: '2035-05-01',
});

/** A company in 广东 whose website owner is not the legal representative: every conditional item applies. */
export function completeGuangdongProject(): ProjectDoc {
  return ProjectDocSchema.parse({
    schemaVersion: 1,
    id: 'p1',
    name: '示例科技',
    rulePack: { id: 'icp-filing-enterprise', version: '2026.1' },
    fields: {
      org_name: '深圳市示例科技有限公司',
      uscc: '91310110666007217T',
      province: '广东',
      org_address: '深圳市南山区科技园路 1 号',
      legal_rep_name: '张三',
      legal_rep_id: '11010519491231002X',
      legal_rep_mobile: '13800138000',
      legal_rep_email: 'zhang@example.com',
      webmaster_is_legal_rep: '否',
      webmaster_name: '李四',
      webmaster_id: '44030519900101123' + cnIdCheckChar('44030519900101123'),
      webmaster_mobile: '13900139000',
      webmaster_email: 'li@example.com',
      domains: ['example.com', '例子.中国'],
      site_name: '示例科技官网',
      special_content: ['药品和医疗器械'],
    },
    materials: {
      'business-licence': {
        files: [file()],
        confirmations: ['原件彩色扫描或拍照', '四角完整且国徽无遮挡'],
        validUntil: '长期',
      },
      'legal-rep-id-card': idCard(),
      'webmaster-id-card': idCard(),
      'authorization-letter': {
        files: [file({ name: '授权书.pdf', mediaType: 'application/pdf', pages: 1 })],
        confirmations: ['法人亲笔签名', '加盖公章'],
      },
      'domain-certificate': { files: [file(), file()], confirmations: ['域名持有者与主办单位一致'] },
      'verification-form': {
        files: [file({ name: '核验单.pdf', mediaType: 'application/pdf', pages: 1 })],
        confirmations: ['网站负责人亲笔签名', '加盖公章'],
      },
      'guangdong-commitment': { files: [file()], confirmations: ['法人亲笔签名'] },
      'pre-approval': {
        files: [file({ name: '药品资格证书.pdf', mediaType: 'application/pdf', pages: 2 })],
        validUntil: '2029-03-31',
      },
    },
    createdAt: '2026-11-20T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
  });
}
