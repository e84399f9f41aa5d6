/**
 * A modal, page-by-page preview of one file as it will be bound (native <dialog>: focus stays inside,
 * Esc closes).
 */
import { useEffect, useRef, useState } from 'react';
import type { FileRef } from '../../../core/model/schemas/project';
import { useT } from '../lib/i18n';
import { FilePreview } from './FilePreview';
import { boundPages, pageRotation } from '../lib/pages';

type Props = { bytes: Uint8Array; file: FileRef; onClose: () => void };

export function PreviewDialog({ bytes, file, onClose }: Props) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [page, setPage] = useState(1);
  const [counted, setCounted] = useState(file.pages ?? 1);
  // Page through the pages as they are bound (page-level edits applied), not as they sit in the file.
  const order = boundPages(file, file.pages ?? counted);
  const pages = order.length;
  const source = order[page - 1] ?? page - 1;
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  const isPdf = file.mediaType === 'application/pdf';
  return (
    <dialog ref={dialog} className="preview" aria-labelledby="preview-title" onClose={onClose}>
      <div className="preview-head">
        <h2 id="preview-title">{file.name}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('ui.preview.close')}
        </button>
      </div>
      <div className="preview-body">
        <FilePreview
          bytes={bytes}
          file={file}
          width={520}
          page={source + 1}
          rotate={pageRotation(file, source)}
          onPages={setCounted}
          label={t('ui.preview.page', { name: file.name, page, total: pages })}
        />
      </div>
      {isPdf && pages > 1 && (
        <div className="preview-nav">
          <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            <span aria-hidden="true">←</span> {t('ui.preview.prev')}
          </button>
          <span aria-live="polite">{t('ui.preview.pageOf', { page, total: pages })}</span>
          <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('ui.preview.next')} <span aria-hidden="true">→</span>
          </button>
        </div>
      )}
    </dialog>
  );
}
