/**
 * The long jobs' replies (binding, the per-file export), as the contract in ./ipc.ts uses them: a job
 * id at once, then its progress, result or error.
 */
import { z } from 'zod';
import { BindProgressSchema, BindResultSchema } from '../core/model/schemas/bind-options';

/**
 * A long job as the UI follows it (binding, the per-file export): `start` returns it at once, `status`
 * is polled for progress, `cancel` replies once the job has stopped (`cancelled`: nothing written;
 * `done` if it finished first). Then the result, or the error as one line in the user's language.
 */
function jobSchema<R extends z.ZodTypeAny>(result: R) {
  return z.object({
    jobId: z.string(),
    state: z.enum(['running', 'done', 'failed', 'cancelled']),
    progress: BindProgressSchema.optional(),
    result: result.optional(),
    error: z.string().optional(),
  });
}
export const JobIdSchema = z.object({ jobId: z.string().min(1) }).strict();

export const BindJobSchema = jobSchema(BindResultSchema);
export type BindJob = z.infer<typeof BindJobSchema>;

/** The per-file export: the zip in the project's out/ folder and what is in it. */
export const ExportResultSchema = z.object({
  output: z.string(),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative() })),
});
export const ExportJobSchema = jobSchema(ExportResultSchema);
export type ExportJob = z.infer<typeof ExportJobSchema>;
