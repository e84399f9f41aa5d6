/**
 * The one IPC contract: every channel with zod schemas for its request and reply. From this table
 * the preload builds `window.matprep`, main registers its handlers, and the e2e tests bridge the
 * same handler table into Chromium. To add a channel: add it here, add its handler in a
 * group under src/main/handlers/, and the contract test checks that the two and the preload agree.
 */
import { ExternalLinkRequestSchema } from '../core/model/rules/sources';
import { z } from 'zod';
import { patchOf } from '../core/model/schemas/schema-patch';
import { RulePackSchema, RulePackSummarySchema } from '../core/model/schemas/rules';
import {
  ProjectDocSchema,
  FieldValueSchema,
  PageRotationSchema,
  PacketRecordSchema,
  Sha256Schema,
} from '../core/model/schemas/project';
import { CheckReportSchema } from '../core/model/schemas/check-report';
import { ScanChoiceSchema, ScanViewSchema } from '../core/model/scan/result';
import { BindOptionsSchema, SectionSchema } from '../core/model/schemas/bind-options';
import { SettingsSchema, RecentProjectSchema, type Settings, type RecentProject } from '../core/model/schemas/settings';
import { ProfileSchema, ProfileInputSchema } from '../core/model/schemas/profiles';
import { AlertListSchema } from '../core/model/schemas/alerts';
import { SecurityLogEntrySchema } from '../core/model/schemas/security-log';
import { ProblemSchema } from '../core/model/schemas/check-report';
import { IsoDaySchema, RequestSubjectSchema } from '../core/model/schemas/submissions';
import { TemplateFormatSchema, TemplateListingSchema } from '../core/model/schemas/templates';
import { BindJobSchema, ExportJobSchema, JobIdSchema } from './jobs';

const Dir = z.string().min(1).max(4096);
const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });
/** One file of one material. */
const FileOf = z.object({ dir: Dir, materialId: z.string().min(1), fileId: z.string().min(1) }).strict();

export { SettingsSchema, RecentProjectSchema };
export type { Settings, RecentProject };

/** What the UI gets when it opens a project: the document, its pack, and the check report. */
export const RecentDetailSchema = z.object({
  dir: z.string(),
  /** The rule pack's title (the licence or filing), when the project could be read. */
  packTitle: z.string().optional(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** complete / todo / problem as the checklist says; missing: no folder; broken: cannot be read (`detail`). */
  state: z.enum(['complete', 'todo', 'problem', 'missing', 'broken']),
  detail: z.string().optional(),
});
export type RecentDetail = z.infer<typeof RecentDetailSchema>;

export const ProjectViewSchema = z.object({
  dir: z.string(),
  doc: ProjectDocSchema,
  rulePack: RulePackSchema,
  report: CheckReportSchema,
});
export type ProjectView = z.infer<typeof ProjectViewSchema>;

/**
 * A file handed over by the UI: its name and bytes. Never a path: the renderer is not trusted to make
 * the app read files it names (Electron's file picker and drops give the page the bytes anyway).
 */
export const IncomingFileSchema = z
  .object({ name: z.string().min(1).max(1024), data: z.instanceof(Uint8Array) })
  .strict();
export type IncomingFile = z.infer<typeof IncomingFileSchema>;

export { BindJobSchema, ExportJobSchema, ExportResultSchema, type BindJob, type ExportJob } from './jobs';

/** A value a licence or ID card was read to say, offered for an empty field or 有效期至 (core/recognition/offers). */
export const FormOfferSchema = z.union([
  z.object({
    target: z.literal('field'),
    fieldId: z.string(),
    label: z.string(),
    value: z.string(),
    certain: z.boolean(),
  }),
  z.object({ target: z.literal('validUntil'), value: z.string(), certain: z.boolean() }),
]);
export type FormOfferView = z.infer<typeof FormOfferSchema>;

function channel<Req extends z.ZodType, Rep extends z.ZodType>(request: Req, reply: Rep) {
  return { request, reply };
}

export const contract = {
  'app:info': channel(
    Empty,
    // projectsDir: where a new project goes when no folder is chosen (Settings, or Documents/matprep).
    z.object({ version: z.string(), platform: z.string(), today: z.string(), projectsDir: z.string() }),
  ),
  /**
   * What the user must be told once, on Home: the app's own file (settings, recent projects, company
   * profiles) was damaged and replaced by defaults, its old content kept in `backup`. Taken on read.
   */
  'app:notices': channel(
    Empty,
    z.object({
      settingsReset: z.object({ file: z.string(), backup: z.string(), detail: z.string() }).nullable(),
    }),
  ),
  'settings:get': channel(Empty, SettingsSchema),
  'settings:set': channel(patchOf(SettingsSchema), SettingsSchema),
  'recent:list': channel(Empty, z.array(RecentProjectSchema)),
  /** Each recent project's licence type and completeness, read from its folder now (or why it cannot be). */
  'recent:details': channel(Empty, z.array(RecentDetailSchema)),
  /** Forget a recent project (its folder is not touched); replies with the list left. */
  'recent:remove': channel(z.object({ dir: Dir }).strict(), z.array(RecentProjectSchema)),

  'rules:list': channel(Empty, z.array(RulePackSummarySchema)),
  'rules:get': channel(z.object({ id: z.string().min(1) }).strict(), RulePackSchema),

  'project:create': channel(
    z.object({ dir: Dir, ruleId: z.string().min(1), name: z.string().max(200).optional() }).strict(),
    ProjectViewSchema,
  ),
  /** Create a project in a new folder named after it under the projects folder: no folder dialog. */
  'project:createDefault': channel(
    z.object({ ruleId: z.string().min(1), name: z.string().max(200).optional() }).strict(),
    ProjectViewSchema,
  ),
  /** 复制为新项目: subject, options and (files: reusable) the documents still valid, into a new default folder. */
  'project:copy': channel(
    z.object({ dir: Dir, name: z.string().max(200).optional(), files: z.enum(['reusable', 'none']) }).strict(),
    ProjectViewSchema,
  ),
  'project:open': channel(z.object({ dir: Dir }).strict(), ProjectViewSchema),
  'project:restore': channel(z.object({ dir: Dir }).strict(), ProjectViewSchema),
  'project:setField': channel(
    z.object({ dir: Dir, fieldId: z.string().min(1), value: FieldValueSchema.nullable() }).strict(),
    ProjectViewSchema,
  ),
  'project:addFiles': channel(
    z
      .object({
        dir: Dir,
        materialId: z.string().min(1),
        files: z.array(IncomingFileSchema).min(1).max(500),
        part: z.string().optional(),
        /** Open password for a PDF that has one (asked for after a `pdf.passwordRequired` reply). */
        password: z.string().max(1024).optional(),
      })
      .strict(),
    ProjectViewSchema,
  ),
  'project:updateFile': channel(
    z
      .object({
        dir: Dir,
        materialId: z.string().min(1),
        fileId: z.string().min(1),
        part: z.string().nullable().optional(),
        rotate: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).optional(),
        password: z.string().max(1024).optional(),
        /** A photo: corners placed by hand, or the original kept; null: back to the detected page. */
        scan: ScanChoiceSchema.nullable().optional(),
      })
      .strict(),
    ProjectViewSchema,
  ),
  /**
   * The user has seen that the rule pack changed since the project last recorded it (the view's
   * doc.rulePack.version differs from rulePack.version): record the version now in use.
   */
  'project:acknowledgeRulePack': channel(z.object({ dir: Dir }).strict(), ProjectViewSchema),
  /** Page-level editing of one PDF: which pages, in what order, each with its extra rotation. */
  'project:setPages': channel(
    z
      .object({
        dir: Dir,
        materialId: z.string().min(1),
        fileId: z.string().min(1),
        /** 0-based source page indices to keep, in order; every page once at most. */
        order: z.array(z.number().int().nonnegative()).min(1).max(100_000),
        /** Extra clockwise rotation per source page (key: 0-based index); 0 or absent = none. */
        rotate: z.record(z.string().regex(/^\d+$/), PageRotationSchema).default({}),
      })
      .strict(),
    ProjectViewSchema,
  ),
  'project:removeFile': channel(FileOf, ProjectViewSchema),
  'project:moveFile': channel(
    z
      .object({ dir: Dir, materialId: z.string().min(1), fileId: z.string().min(1), toIndex: z.number().int().min(0) })
      .strict(),
    ProjectViewSchema,
  ),
  'project:confirm': channel(
    z.object({ dir: Dir, materialId: z.string().min(1), what: z.string().min(1), checked: z.boolean() }).strict(),
    ProjectViewSchema,
  ),
  /** 已查看，仍使用: accept a material's open warning as it is (`file`: only the one about that file), or `undo`. */
  'project:acceptWarning': channel(
    z
      .object({
        dir: Dir,
        materialId: z.string().min(1),
        code: z.string().min(1).max(200),
        file: z.string().min(1).max(1024).optional(),
        sha256: Sha256Schema.optional(),
        undo: z.boolean().optional(),
      })
      .strict(),
    ProjectViewSchema,
  ),
  'project:setDates': channel(
    z
      .object({
        dir: Dir,
        materialId: z.string().min(1),
        issuedOn: z.string().nullable().optional(),
        validUntil: z.string().nullable().optional(),
      })
      .strict(),
    ProjectViewSchema,
  ),
  'project:setBindOptions': channel(
    z.object({ dir: Dir, options: patchOf(BindOptionsSchema) }).strict(),
    ProjectViewSchema,
  ),
  'project:fileBytes': channel(
    z.object({ dir: Dir, sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    z.instanceof(Uint8Array),
  ),
  /** A photo's stored scan (null: not scanned) and its flattened page for the file's corners, kept or not. */
  'project:scan': channel(FileOf, ScanViewSchema),
  'bind:start': channel(
    z
      .object({ dir: Dir, output: z.string().max(4096).optional(), allowIncomplete: z.boolean().default(false) })
      .strict(),
    BindJobSchema,
  ),
  'bind:status': channel(JobIdSchema, BindJobSchema),
  'bind:cancel': channel(JobIdSchema, BindJobSchema),

  'dialog:chooseFolder': channel(
    z.object({ purpose: z.enum(['create', 'open', 'rules', 'projects']) }).strict(),
    z.object({ dir: z.string().nullable() }),
  ),
  'shell:openPath': channel(z.object({ path: z.string().min(1) }).strict(), Ok),
  'shell:showInFolder': channel(z.object({ path: z.string().min(1) }).strict(), Ok),
  'shell:openExternal': channel(ExternalLinkRequestSchema, Ok),

  // extras: company profiles (主体信息), the 三色预警 dashboard, the security-update log
  'profiles:list': channel(Empty, z.array(ProfileSchema)),
  'profiles:save': channel(ProfileInputSchema, ProfileSchema),
  'profiles:delete': channel(z.object({ id: z.string().min(1) }).strict(), Ok),
  'profiles:addDocument': channel(
    z
      .object({
        profileId: z.string().min(1),
        key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
        file: IncomingFileSchema,
        part: z.string().max(100).optional(),
        issuedOn: z.string().max(10).optional(),
        validUntil: z.string().max(10).optional(),
        password: z.string().max(1024).optional(),
      })
      .strict(),
    ProfileSchema,
  ),
  'profiles:removeDocument': channel(
    z.object({ profileId: z.string().min(1), documentId: z.string().min(1) }).strict(),
    ProfileSchema,
  ),
  'profiles:apply': channel(z.object({ dir: Dir, profileId: z.string().min(1) }).strict(), ProjectViewSchema),
  'profiles:fromProject': channel(z.object({ dir: Dir }).strict(), ProfileSchema),
  'alerts:list': channel(Empty, AlertListSchema),
  'alerts:setLicence': channel(
    z
      .object({
        dir: Dir,
        number: z.string().max(200).nullable().optional(),
        grantedOn: z.string().max(10).nullable().optional(),
        validUntil: z.string().max(10).nullable().optional(),
      })
      .strict(),
    ProjectViewSchema,
  ),
  'securityLog:set': channel(
    z.object({ dir: Dir, entries: z.array(SecurityLogEntrySchema).max(500) }).strict(),
    ProjectViewSchema,
  ),
  'securityLog:check': channel(z.object({ dir: Dir }).strict(), z.array(ProblemSchema)),
  'securityLog:render': channel(z.object({ dir: Dir }).strict(), ProjectViewSchema),

  // output: the bind screen's per-file export (a job, like binding), 补正清单 and print; files go to
  // the project's out/ folder
  'export:start': channel(z.object({ dir: Dir }).strict(), ExportJobSchema),
  'export:status': channel(JobIdSchema, ExportJobSchema),
  'export:cancel': channel(JobIdSchema, ExportJobSchema),
  'output:correctionList': channel(
    z.object({ dir: Dir }).strict(),
    z.object({ output: z.string(), pages: z.number().int().positive() }),
  ),
  /** The project's bound packets (history order), each with whether its file is still there to open. */
  'output:packets': channel(
    z.object({ dir: Dir }).strict(),
    z.array(PacketRecordSchema.extend({ state: z.enum(['present', 'replaced', 'missing']) })),
  ),
  'shell:print': channel(z.object({ path: z.string().min(1) }).strict(), Ok),
  /**
   * A material's fill-in template, filled with the project's fields, saved where the user picks in a
   * save dialog (main shows it; the renderer never names the path). `output` is null when cancelled.
   */
  /** The materials of the project's pack that have a fill-in template: title (in the UI's language), formats, sources. */
  'template:list': channel(z.object({ dir: Dir }).strict(), z.array(TemplateListingSchema)),
  'template:save': channel(
    z.object({ dir: Dir, materialId: z.string().min(1).max(200), format: TemplateFormatSchema }).strict(),
    z.object({ output: z.string().nullable() }),
  ),
  'output:packetBytes': channel(z.object({ path: z.string().min(1) }).strict(), z.instanceof(Uint8Array)),

  // submissions: mark the last packet bound as submitted, the authority's requests (补正意见), and
  // open a submitted packet's copy (kept in the project; main resolves its path, never the renderer)
  'submissions:submit': channel(
    z
      .object({
        dir: Dir,
        date: IsoDaySchema.optional(),
        where: z.string().max(500).optional(),
        receipt: z.string().max(200).optional(),
        note: z.string().max(5000).optional(),
      })
      .strict(),
    ProjectViewSchema,
  ),
  /** The lines of a pasted notice, each with the materials or fields it concerns (none: the whole application). */
  'submissions:feedback': channel(
    z
      .object({
        dir: Dir,
        date: IsoDaySchema.optional(),
        items: z
          .array(
            z.object({ text: z.string().min(1).max(5000), subjects: z.array(RequestSubjectSchema).max(200) }).strict(),
          )
          .min(1)
          .max(200),
      })
      .strict(),
    ProjectViewSchema,
  ),
  'submissions:removeRequest': channel(z.object({ dir: Dir, id: z.string().min(1) }).strict(), ProjectViewSchema),
  'submissions:openPacket': channel(z.object({ dir: Dir, id: z.string().min(1) }).strict(), Ok),
  /** The submitted copy and the last packet bound (null when gone), each with its materials' pages, side by side. */
  'submissions:compare': channel(
    z.object({ dir: Dir, id: z.string().min(1) }).strict(),
    z.object({
      before: z.instanceof(Uint8Array),
      beforeSections: z.array(SectionSchema),
      after: z.instanceof(Uint8Array).nullable(),
      afterSections: z.array(SectionSchema),
    }),
  ),
  /** One value checked by the field validators (as the checklist does), for forms outside a project. */
  'fields:validate': channel(
    z.object({ type: z.string().min(1).max(50), value: z.string().max(5000) }).strict(),
    z.object({ valid: z.boolean(), reason: z.string().nullable(), warning: z.string().nullable().optional() }),
  ),
  /** Read the project's licence and ID-card files not read yet (offline OCR, in a worker); offers for `materialId`. */
  'recognition:read': channel(
    z.object({ dir: Dir, materialId: z.string().min(1) }).strict(),
    z.object({ view: ProjectViewSchema, offers: z.array(FormOfferSchema) }),
  ),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];
export type Request<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequest<C extends Channel> = z.output<Contract[C]['request']>;
export type Reply<C extends Channel> = z.output<Contract[C]['reply']>;

/** Every reply crosses the bridge as a Result, so errors arrive as data (a message), not as throws. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** The API the preload exposes as `window.matprep`: one async method per channel. */
export type MatprepApi = {
  [C in Channel]: (request: Request<C>) => Promise<Result<Reply<C>>>;
};

export { API_GLOBAL, ipcChannelName, buildApi, CHANNEL_NAMES } from './channels';
