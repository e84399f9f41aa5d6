/** Value schemas shared by the project document and the submission snapshots kept inside it. */
import { z } from 'zod';

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
export const PageRotationSchema = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
export const FieldValueSchema = z.union([z.string(), z.array(z.string()), z.boolean(), z.number()]);
export type FieldValue = z.infer<typeof FieldValueSchema>;
