/**
 * What crosses the worker boundary: the job request (plain data, structured-cloned), progress, and the
 * outcome or the error as data. Errors cannot cross as objects (a clone loses the class), so a
 * UserError travels as its key and parameters and is rebuilt in the parent.
 */
import type { MessageKey, MessageParams } from '../../i18n';
import { UserError, isUserError } from '../errors';
import { DamagedPdfError } from '../pdf/damage';
import type { BindOutcome, WorkspaceContext, bindProject } from '../workspace/workspace';
import type { ExportResult } from '../bind/export';
import type { PrepareOutcome } from '../workspace/prepare';
import type { BindProgress } from '../model/schemas/bind-options';

/** bindProject's request minus what only lives in the calling thread (callbacks, the signal). */
export type BindJobOptions = Omit<NonNullable<Parameters<typeof bindProject>[2]>, 'onProgress' | 'signal'>;

/** Per job kind: what it takes besides the project folder, and what it gives back. */
export interface JobSpecs {
  bind: { options: BindJobOptions; outcome: BindOutcome };
  export: { options: { output?: string }; outcome: ExportResult };
  correctionList: { options: { output?: string }; outcome: { output: string; pages: number } };
  /**
   * Read the project's licence and ID-card files not read yet (OCR), at most `limit` of them; the
   * outcome: how many were read now and how many are left.
   */
  read: { options: { limit?: number }; outcome: { read: number; remaining: number } };
  /** Scan the project's photos not scanned yet (find, flatten, check: ../scan), at most `limit`. */
  scan: { options: { limit?: number }; outcome: { scanned: number; remaining: number } };
  /** Prepare the project's photos and scans for binding (`../workspace/prepare.ts`), after an import or a turn. */
  prepare: { options: Record<string, never>; outcome: PrepareOutcome };
}
export type JobKind = keyof JobSpecs;
export type JobOutcome<K extends JobKind> = JobSpecs[K]['outcome'];

export interface JobRequest<K extends JobKind = JobKind> {
  kind: K;
  dir: string;
  /** Plain data only (rule folders, today, locale, the user's bind defaults). */
  context: WorkspaceContext;
  options: JobSpecs[K]['options'];
}

export type WireError = { userError: { code: MessageKey; params: MessageParams } } | { message: string };

/** Worker → parent. */
export type WorkerMessage =
  | { type: 'progress'; progress: BindProgress }
  | { type: 'done'; outcome: unknown }
  | { type: 'failed'; error: WireError };

/** Parent → worker. */
export type ParentMessage = { type: 'cancel' };

export function toWireError(error: unknown): WireError {
  if (isUserError(error)) return { userError: { code: error.code, params: { ...error.params } } };
  return { message: error instanceof Error ? error.message : String(error) };
}

/**
 * The error as the parent throws it: the same UserError (so `formatError` gives the same message as a
 * call in this thread), or a plain Error carrying only the message (formatted as `error.unexpected`).
 */
export function fromWireError(wire: WireError): Error {
  if ('userError' in wire) {
    const { code, params } = wire.userError;
    // Errors that format their params themselves are rebuilt as their own class.
    if (code === 'pdf.damaged') return new DamagedPdfError(String(params.file ?? ''), String(params.detail ?? ''));
    return new UserError(code, params);
  }
  return new Error(wire.message);
}
