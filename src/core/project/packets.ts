/**
 * Whether the packets in a project's history are still on disk, so the bind screen can offer to open
 * them again. Re-binding on the same day writes the same file name, so only the latest record for a
 * path can still be its file; a file of another size is no longer the packet that was bound.
 */
import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { PacketRecord } from '../model/schemas/project';

/** `replaced`: a later bind wrote that path, or the file there is not the one recorded. */
export type PacketState = 'present' | 'replaced' | 'missing';
export type PacketFile = PacketRecord & { state: PacketState };

/**
 * The history's records in their order, each with whether its file is still there. Only files in
 * `outDir` (the project's out/ folder) are looked at: a hand-edited history must not make the app
 * probe other paths (a network share, a device); elsewhere counts as missing.
 */
export async function packetFiles(history: PacketRecord[], outDir: string): Promise<PacketFile[]> {
  const out = resolve(outDir) + sep;
  const latest = new Map(history.map((record, index) => [record.output, index]));
  return Promise.all(
    history.map(async (record, index): Promise<PacketFile> => {
      if (latest.get(record.output) !== index) return { ...record, state: 'replaced' };
      if (!resolve(record.output).startsWith(out)) return { ...record, state: 'missing' };
      const size = await stat(record.output).then(
        (s) => (s.isFile() ? s.size : undefined),
        () => undefined,
      );
      if (size === undefined) return { ...record, state: 'missing' };
      return { ...record, state: size === record.bytes ? 'present' : 'replaced' };
    }),
  );
}
