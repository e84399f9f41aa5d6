/**
 * A modal, page-by-page preview of one file as it will be bound (native <dialog>: focus stays inside,
 * Esc closes). ← → turn the pages and + − 0 zoom, as in a desktop viewer; the buttons do the same.
 */
import { useEffect, useRef, useState } from 'react';
import type { FileRef } from '../../../core/model/schemas/project';
import { useT } from '../lib/i18n';
import { FilePreview } from './FilePreview';
import { boundPages, pageRotation } from '../lib/pages';

type Props = { bytes: Uint8Array; file: FileRef; onClose: () => void };

const WIDTH = 520;
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

export function PreviewDialog({ bytes, file, onClose }: Props) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [page, setPage] = useState(1);
  const [counted, setCounted] = useState(file.pages ?? 1);
  const [zoom, setZoom] = useState(ZOOMS.indexOf(1));
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
  const turn = (delta: number) => setPage((p) => Math.min(Math.max(p + delta, 1), pages));
  const zoomBy = (delta: number) => setZoom((z) => Math.min(Math.max(z + delta, 0), ZOOMS.length - 1));
  const onKeyDown = (e: React.KeyboardEvent) => {
    // Keys typed into a control (a button's Space/Enter) are the control's.
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const action: Record<string, () => void> = {
      ArrowLeft: () => turn(-1),
      ArrowRight: () => turn(1),
      '+': () => zoomBy(1),
      '=': () => zoomBy(1),
      '-': () => zoomBy(-1),
      '0': () => setZoom(ZOOMS.indexOf(1)),
    };
    const run = action[e.key];
    if (!run) return;
    e.preventDefault();
    run();
  };
  const percent = Math.round(ZOOMS[zoom] * 100);
  return (
    <dialog
      ref={dialog}
      className={`preview ${ZOOMS[zoom] === 1 ? '' : 'zoomed'}`}
      aria-labelledby="preview-title"
      aria-describedby="preview-keys"
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      <div className="preview-head">
        <h2 id="preview-title">{file.name}</h2>
        <div className="preview-zoom" role="group" aria-label={t('ui.preview.zoom', { percent })}>
          <button type="button" aria-label={t('ui.preview.zoomOut')} disabled={zoom === 0} onClick={() => zoomBy(-1)}>
            −
          </button>
          <button
            type="button"
            onClick={() => setZoom(ZOOMS.indexOf(1))}
            aria-label={`${percent}%，${t('ui.preview.zoomReset')}`}
          >
            {percent}%
          </button>
          <button
            type="button"
            aria-label={t('ui.preview.zoomIn')}
            disabled={zoom === ZOOMS.length - 1}
            onClick={() => zoomBy(1)}
          >
            +
          </button>
        </div>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('ui.preview.close')}
        </button>
      </div>
      <div
        className="preview-body"
        style={{ '--page-width': `${Math.round(WIDTH * ZOOMS[zoom])}px` } as React.CSSProperties}
        // Zoomed, the page scrolls inside: reachable by keyboard, its arrow keys scroll it.
        {...(ZOOMS[zoom] > 1 ? { tabIndex: 0, role: 'group', 'aria-label': t('ui.preview.zoom', { percent }) } : {})}
      >
        <FilePreview
          bytes={bytes}
          file={file}
          width={Math.round(WIDTH * ZOOMS[zoom])}
          page={source + 1}
          rotate={pageRotation(file, source)}
          onPages={setCounted}
          label={t('ui.preview.page', { name: file.name, page, total: pages })}
        />
      </div>
      <p id="preview-keys" className="visually-hidden">
        {t('ui.preview.keys')}
      </p>
      {isPdf && pages > 1 && (
        <div className="preview-nav">
          <button type="button" disabled={page <= 1} onClick={() => turn(-1)}>
            <span aria-hidden="true">←</span> {t('ui.preview.prev')}
          </button>
          <span aria-live="polite">{t('ui.preview.pageOf', { page, total: pages })}</span>
          <button type="button" disabled={page >= pages} onClick={() => turn(1)}>
            {t('ui.preview.next')} <span aria-hidden="true">→</span>
          </button>
        </div>
      )}
    </dialog>
  );
}
