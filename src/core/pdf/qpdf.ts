/**
 * qpdf compiled to WebAssembly, for the inputs pdf-lib cannot read on its own: encrypted files
 * (pdf-lib copies still-encrypted streams) and damaged ones qpdf can reconstruct.
 *
 * Each call gets a fresh module instance so no file system or heap state leaks between files; the
 * compiled WebAssembly module itself is immutable and is compiled once per process.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

// Not named `require`: electron-vite's ESM shim declares its own `require` in any bundle chunk that
// calls `require(`, and a second declaration is a SyntaxError that stops the built app loading.
const requireHere = createRequire(import.meta.url);

interface QpdfInstance {
  callMain(args: string[]): number;
  FS: { writeFile(path: string, data: Uint8Array): void; readFile(path: string): Uint8Array };
}
type CreateModule = (options: Record<string, unknown>) => Promise<QpdfInstance>;

export interface QpdfRun {
  /** qpdf's exit code: 0 ok, 3 ok with warnings, 2 error. */
  code: number;
  /** What qpdf printed (stdout and stderr), for deciding what went wrong. */
  messages: string[];
  /** The output file, when qpdf wrote one. */
  output?: Uint8Array;
}

// Node's lib typings only declare WebAssembly as a namespace of types.
interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: unknown): Promise<object>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let compiled: Promise<object> | undefined;

function compiledModule(): Promise<object> {
  compiled ??= readFile(path.join(path.dirname(requireHere.resolve('@neslinesli93/qpdf-wasm')), 'qpdf.wasm')).then(
    (bytes) => wasmApi.compile(bytes),
  );
  return compiled;
}

/**
 * Run qpdf on `input` with `args` (use `IN` and `OUT` as the file names), e.g.
 * `runQpdf(bytes, ['--decrypt', '--password=', 'IN', 'OUT'])`.
 */
export async function runQpdf(input: Uint8Array, args: string[]): Promise<QpdfRun> {
  const wasm = await compiledModule();
  const createModule = requireHere('@neslinesli93/qpdf-wasm') as CreateModule;
  const messages: string[] = [];
  const capture = (...parts: unknown[]) => void messages.push(parts.map(String).join(' '));
  // The emscripten build binds console.log/error when the factory runs (synchronously, before its
  // first await), so routing them to this call's `messages` needs the swap only for that moment.
  const { log, error } = console;
  console.log = console.error = capture;
  let created: Promise<QpdfInstance>;
  try {
    created = createModule({
      noInitialRun: true,
      instantiateWasm(imports: unknown, done: (instance: object, module: object) => void) {
        void wasmApi.instantiate(wasm, imports).then((inst) => done(inst, wasm));
        return {};
      },
    });
  } finally {
    console.log = log;
    console.error = error;
  }
  const instance = await created;
  instance.FS.writeFile('/in.pdf', input);
  // It also sets process.exitCode when the program exits; callMain is synchronous.
  const exitCode = process.exitCode;
  let code: number;
  try {
    code = instance.callMain(args.map((a) => (a === 'IN' ? '/in.pdf' : a === 'OUT' ? '/out.pdf' : a)));
  } catch (e) {
    // emscripten throws an ExitStatus object when the program calls exit().
    const status = (e as { status?: unknown }).status;
    code = typeof status === 'number' ? status : 2;
    if (typeof status !== 'number') messages.push(String(e));
  } finally {
    process.exitCode = exitCode;
  }
  let output: Uint8Array | undefined;
  if (code === 0 || code === 3) {
    try {
      output = instance.FS.readFile('/out.pdf');
    } catch {
      output = undefined;
    }
  }
  return { code, messages, output };
}
