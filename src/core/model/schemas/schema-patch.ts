/**
 * A "patch" schema: every field optional and WITHOUT its default; strict for requests, loose when
 * kept in a stored document. zod 4 applies inner defaults even inside `.partial()`, so a partial object would silently fill (and so overwrite) every
 * option the caller left out. Pure, so the renderer and the IPC contract can use it.
 */
import { z } from 'zod';

export function patchOf<S extends z.ZodObject>(
  schema: S,
  /** `loose` for a patch kept in a stored document, where a newer version's keys must survive. */
  mode: 'strict' | 'loose' = 'strict',
): ReturnType<S['partial']> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional(),
    ]),
  );
  return (mode === 'strict' ? z.strictObject(shape) : z.looseObject(shape)) as unknown as ReturnType<S['partial']>;
}
