/**
 * Removing a file takes effect at once (the check updates), and a bar offers to undo it for a few
 * seconds. Undo puts the same bytes back through the ordinary IPC calls, with the file's part, turn,
 * page choice and place in the list, so nothing new is needed in core.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileRef } from '../../../core/model/schemas/project';
import type { ProjectView } from '../../../shared/ipc';
import { call } from '../lib/api';
import { useT } from '../lib/i18n';
import { useRun } from '../lib/run';

type Removed = { file: FileRef; index: number; bytes: Uint8Array };

const UNDO_MS = 10_000;

export function useUndoableRemove(view: ProjectView, materialId: string, onView: (view: ProjectView) => void) {
  const run = useRun();
  const [removed, setRemoved] = useState<Removed | null>(null);
  const base = { dir: view.dir, materialId };

  const remove = async (file: FileRef, index: number) => {
    // Read first: the vault copy is deleted with the last file that refers to it. Without the bytes
    // the file is still removed, only without an undo.
    const bytes = await call('project:fileBytes', { dir: view.dir, sha256: file.sha256 }).catch(() => null);
    const next = await run(() => call('project:removeFile', { ...base, fileId: file.id }));
    if (!next) return;
    onView(next);
    setRemoved(bytes ? { file, index, bytes } : null);
  };

  const undo = async () => {
    if (!removed) return;
    setRemoved(null);
    const next = await run(() => restore(base, removed));
    if (next) onView(next);
  };

  const dismiss = useCallback(() => setRemoved(null), []);
  return { removed, remove, undo, dismiss };
}

async function restore(base: { dir: string; materialId: string }, { file, index, bytes }: Removed) {
  const { name, part, password, rotate, pageOrder, pageRotate } = file;
  const data = new Uint8Array(bytes);
  let view = await call('project:addFiles', { ...base, files: [{ name, data }], part, password });
  const files = view.doc.materials[base.materialId].files;
  const fileId = files[files.length - 1].id;
  if (rotate) view = await call('project:updateFile', { ...base, fileId, rotate });
  if (pageOrder || pageRotate) {
    const order = pageOrder ?? Array.from({ length: file.pages ?? 1 }, (_, i) => i);
    view = await call('project:setPages', { ...base, fileId, order, rotate: pageRotate ?? {} });
  }
  if (index < files.length - 1) view = await call('project:moveFile', { ...base, fileId, toIndex: index });
  return view;
}

/** "已移除“x.pdf” · 撤销": stays while the pointer or focus is on it, else goes after a few seconds. */
export function UndoBar({
  removed,
  onUndo,
  onDismiss,
}: {
  removed: Removed | null;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  const t = useT();
  const [held, setHeld] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // The removed row took the focus with it; the undo button is the nearest sensible place.
  useEffect(() => {
    if (removed) button.current?.focus();
  }, [removed]);
  useEffect(() => {
    if (!removed || held) return;
    const timer = window.setTimeout(onDismiss, UNDO_MS);
    return () => window.clearTimeout(timer);
  }, [removed, held, onDismiss]);
  return (
    <div
      role="status"
      className={removed ? 'undo-bar' : 'undo-bar empty'}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
    >
      {removed && (
        <>
          <span>{t('ui.file.removed', { name: removed.file.name })}</span>
          <button ref={button} type="button" className="link" onClick={onUndo}>
            {t('ui.file.undo')}
          </button>
        </>
      )}
    </div>
  );
}
