/**
 * The state behind the page editor (PageEditor.tsx is its view): the edit as changed so far against
 * the saved one, the line read out after each change, where focus goes next, and saving.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { FileRef } from '../../../core/model/schemas/project';
import { editOf, toRequest, type PageEdit, type Rotation } from '../lib/pages';

/** Apply a change, say it to screen readers and name (by data-focus) where focus should land. */
export type ChangeEdit = (next: PageEdit, said: string, focus?: string[]) => void;
export type SaveEdit = (request: { order: number[]; rotate: Record<string, Rotation> }) => Promise<void>;

/** Shows the dialog as modal while mounted; on unmount closes it and hands focus back to its opener. */
export function useModal(dialog: RefObject<HTMLDialogElement | null>) {
  useEffect(() => {
    const element = dialog.current;
    // The dialog is unmounted rather than closed after a save, so focus is handed back by hand.
    const opener = document.activeElement as HTMLElement | null;
    element?.showModal();
    return () => {
      element?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
}

export function usePageEdit(
  dialog: RefObject<HTMLDialogElement | null>,
  file: FileRef,
  total: number,
  onSave: SaveEdit,
) {
  const saved = useMemo(() => editOf(file, total), [file, total]);
  const [changed, setChanged] = useState<PageEdit | null>(null);
  const edit = changed ?? saved;
  const [announcement, setAnnouncement] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // After a change moves or removes the focused button, focus goes to the first of these that exists.
  const focusNext = useRef<string[] | null>(null);

  useEffect(() => {
    const wanted = focusNext.current;
    if (!wanted) return;
    focusNext.current = null;
    for (const key of wanted) {
      const target = dialog.current?.querySelector<HTMLButtonElement>(`[data-focus="${key}"]`);
      if (target && !target.disabled) return target.focus();
    }
  });

  const change: ChangeEdit = (next, said, focus) => {
    setChanged(next);
    setAnnouncement(said);
    setError(null);
    focusNext.current = focus ?? null;
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await onSave(toRequest(edit));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return { saved, edit, change, announcement, saving, error, save };
}
