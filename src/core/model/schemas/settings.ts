/** Settings and app-state schemas: pure, so the renderer and the IPC contract can import them. */
import { z } from 'zod';
import { ProfileSchema } from './profiles';

export const SettingsSchema = z
  .object({
    locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
    defaultDpi: z.number().int().min(72).max(600).default(200),
    watermarkTemplate: z.string().max(200).default('仅供{purpose}使用，他用无效'),
    pageNumberFormat: z.string().min(1).max(100).default('第 {page} 页 共 {total} 页'),
    userRulesDir: z.string().max(4096).optional(),
    /** Where new projects are created without a folder dialog (empty: Documents/matprep). Set by main's dialog. */
    projectsDir: z.string().max(4096).optional(),
  })
  .loose();
export type Settings = z.infer<typeof SettingsSchema>;

export const RecentProjectSchema = z.looseObject({
  dir: z.string(),
  name: z.string(),
  ruleId: z.string(),
  openedAt: z.string(),
});
export type RecentProject = z.infer<typeof RecentProjectSchema>;

export const AppStateSchema = z.looseObject({
  settings: SettingsSchema.default(SettingsSchema.parse({})),
  recent: z.array(RecentProjectSchema).default([]),
  /** Company profiles (主体信息), see src/core/profiles. */
  profiles: z.array(ProfileSchema).default([]),
});
export type AppState = z.infer<typeof AppStateSchema>;
