/** 键盘快捷键: the Help menu's list of the app's shortcuts, in a modal dialog (Esc closes). */
import { useEffect, useRef } from 'react';
import { useT } from '../lib/i18n';

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} className="shortcuts" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t('ui.shortcuts.title')}</h2>
      <p>{t('ui.shortcuts.list')}</p>
      <p>{t('ui.preview.keys')}</p>
      <button type="button" onClick={() => dialog.current?.close()}>
        {t('ui.preview.close')}
      </button>
    </dialog>
  );
}
