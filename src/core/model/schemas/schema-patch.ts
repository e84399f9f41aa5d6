/**
 * A "patch" schema: every field optional and WITHOUT its default, still strict. zod 4 applies inner
 * defaults even inside `.partial()`, so a partial object would silently fill (and so overwrite) every
 * option the caller left out. Pure, so the renderer and the IPC contract can use it.
 */
import { z } from 'zod';

export function patchOf<S extends z.ZodObject>(schema: S): ReturnType<S['partial']> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional(),
    ]),
  );
  return z.object(shape).strict() as unknown as ReturnType<S['partial']>;
}
