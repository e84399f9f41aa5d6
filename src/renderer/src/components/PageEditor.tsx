/**
 * The page editor of one PDF: drop, rotate and reorder the pages that get bound. A modal native
 * <dialog> (focus stays inside, Esc cancels); nothing is saved until “保存”, and the original file is
 * never changed — the edit is FileRef.pageOrder / pageRotate, applied when binding. The view only:
 * the edit's state, focus and saving live in usePageEdit.ts.
 */
import { useRef, useState } from 'react';
import type { FileRef } from '../../../core/model/schemas/project';
import { useT } from '../lib/i18n';
import {
  isIdentity,
  movePage,
  movePageTo,
  removePage,
  removedPages,
  restorePage,
  rotatePage,
  rotationOf,
  sameEdit,
  drawnRotation,
  allPages,
  type PageEdit,
} from '../lib/pages';
import type { OpenPdf } from '../lib/pdf';
import { PageThumb, useOpenPdf } from './PageThumb';
import { useModal, usePageEdit, type ChangeEdit, type SaveEdit } from './usePageEdit';

type Props = {
  dir: string;
  file: FileRef;
  /** Save the edit; throws (with a user-facing message) when the app refuses it. */
  onSave: SaveEdit;
  onClose: () => void;
};

const THUMB = 112;
const SMALL = 56;

export function PageEditor({ dir, file, onSave, onClose }: Props) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const pdf = useOpenPdf(dir, file);
  const total = file.pages ?? (pdf && pdf !== 'failed' ? pdf.pages : 0);
  useModal(dialog);
  const { saved, edit, change, announcement, saving, error, save } = usePageEdit(dialog, file, total, onSave);

  const removed = removedPages(edit, total);
  const lastOne = edit.order.length <= 1;
  const summary =
    removed.length > 0
      ? t('ui.file.pagesEdited', { total, kept: edit.order.length, removed: removed.length })
      : t('ui.pages.summaryAll', { total });

  return (
    <dialog
      ref={dialog}
      className="page-editor"
      aria-labelledby="page-editor-title"
      aria-describedby="page-editor-intro"
      onClose={onClose}
    >
      <div className="page-editor-head">
        <h2 id="page-editor-title">{t('ui.pages.title', { name: file.name })}</h2>
        <p id="page-editor-intro" className="help-text">
          {t('ui.pages.intro')}
        </p>
        <p className="page-summary">
          <strong>{total > 0 ? summary : ''}</strong>
        </p>
        <p role="status" className="visually-hidden">
          {announcement}
        </p>
      </div>

      <div className="page-editor-body">
        {pdf === 'failed' && <p role="alert">{t('ui.pages.failed')}</p>}
        {pdf === null && <p className="status-line">{t('ui.pages.reading')}</p>}
        {pdf && pdf !== 'failed' && total > 0 && (
          <>
            <ol className="page-grid" aria-label={t('ui.pages.kept')}>
              {edit.order.map((page, position) => (
                <KeptPage
                  key={page}
                  pdf={pdf}
                  file={file}
                  edit={edit}
                  page={page}
                  position={position}
                  lastOne={lastOne}
                  change={change}
                />
              ))}
            </ol>
            {lastOne && (
              <p id="page-editor-last" className="note">
                {t('ui.pages.lastPage')}
              </p>
            )}
          </>
        )}
      </div>

      {pdf && pdf !== 'failed' && total > 0 && (
        <RemovedPages pdf={pdf} file={file} edit={edit} removed={removed} change={change} />
      )}

      <div className="page-editor-foot">
        {error && (
          <p role="alert" className="page-editor-error">
            {error}
          </p>
        )}
        <button
          type="button"
          disabled={total === 0 || isIdentity(edit, total)}
          onClick={() => change({ order: allPages(total), rotate: {} }, t('ui.pages.reset'))}
        >
          {t('ui.pages.resetAll')}
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('ui.pages.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={saving || total === 0 || sameEdit(edit, saved)}
          onClick={() => void save()}
        >
          {saving ? t('ui.pages.saving') : t('ui.pages.save')}
        </button>
      </div>
    </dialog>
  );
}

const PAGE_DRAG = 'application/x-matprep-page';

/** One kept page: its thumbnail as it will be bound, and the buttons that move, turn or drop it. */
function KeptPage({
  pdf,
  file,
  edit,
  page,
  position,
  lastOne,
  change,
}: {
  pdf: OpenPdf;
  file: FileRef;
  edit: PageEdit;
  page: number;
  position: number;
  lastOne: boolean;
  change: ChangeEdit;
}) {
  const t = useT();
  const rotate = rotationOf(edit, page);
  const moved = (delta: -1 | 1) => {
    const key = delta < 0 ? 'earlier' : 'later';
    const other = delta < 0 ? 'later' : 'earlier';
    change(movePage(edit, page, delta), t('ui.pages.moved', { page: page + 1, position: position + 1 + delta }), [
      `${page}-${key}`,
      `${page}-${other}`,
    ]);
  };
  // Drag a page onto another's place (the ← → buttons stay, for the keyboard).
  const [over, setOver] = useState(false);
  const drag = {
    draggable: edit.order.length > 1,
    onDragStart: (e: React.DragEvent) => {
      e.dataTransfer.setData(PAGE_DRAG, String(page));
      e.dataTransfer.effectAllowed = 'move';
    },
    onDragOver: (e: React.DragEvent) => {
      if (!e.dataTransfer.types.includes(PAGE_DRAG)) return;
      e.preventDefault();
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: React.DragEvent) => {
      e.preventDefault();
      setOver(false);
      const dragged = Number(e.dataTransfer.getData(PAGE_DRAG));
      if (!Number.isInteger(dragged) || dragged === page) return;
      change(movePageTo(edit, dragged, position), t('ui.pages.moved', { page: dragged + 1, position: position + 1 }));
    },
  };
  return (
    <li className={`page-card ${over ? 'drop-target' : ''}`} {...drag}>
      <PageThumb
        pdf={pdf}
        page={page}
        width={THUMB}
        rotate={drawnRotation(file, edit, page)}
        label={t('ui.pages.thumb', { page: page + 1 })}
      />
      <span className="page-label">
        {t('ui.pages.page', { page: page + 1 })}
        {rotate !== 0 && <span className="page-rotated">{t('ui.file.rotated', { deg: rotate })}</span>}
      </span>
      <span className="page-actions">
        <PageButton
          focus={`${page}-earlier`}
          label={t('ui.pages.earlier', { page: page + 1 })}
          icon="←"
          disabled={position === 0}
          onClick={() => moved(-1)}
        />
        <PageButton
          focus={`${page}-rotate`}
          label={t('ui.pages.rotate', { page: page + 1 })}
          icon="↻"
          onClick={() => {
            const next = rotatePage(edit, page);
            change(next, t('ui.pages.turned', { page: page + 1, deg: rotationOf(next, page) }));
          }}
        />
        <PageButton
          focus={`${page}-later`}
          label={t('ui.pages.later', { page: page + 1 })}
          icon="→"
          disabled={position === edit.order.length - 1}
          onClick={() => moved(1)}
        />
        <PageButton
          focus={`${page}-remove`}
          label={t('ui.pages.remove', { page: page + 1 })}
          icon="✕"
          danger
          disabled={lastOne}
          describedBy={lastOne ? 'page-editor-last' : undefined}
          onClick={() => {
            const next = removePage(edit, page);
            const neighbour = next.order[position] ?? next.order[position - 1];
            change(next, t('ui.pages.removed', { page: page + 1 }), [`${neighbour}-remove`, `${neighbour}-rotate`]);
          }}
        />
      </span>
    </li>
  );
}

/** The pages dropped so far, small, each with the button that puts it back. */
function RemovedPages({
  pdf,
  file,
  edit,
  removed,
  change,
}: {
  pdf: OpenPdf;
  file: FileRef;
  edit: PageEdit;
  removed: number[];
  change: ChangeEdit;
}) {
  const t = useT();
  return (
    <section aria-labelledby="page-editor-removed" className="removed-pages">
      <h3 id="page-editor-removed">
        {t('ui.pages.removedTitle')}
        {removed.length > 0 ? `（${removed.length}）` : ''}
      </h3>
      {removed.length === 0 ? (
        <p className="empty-note">{t('ui.pages.removedNone')}</p>
      ) : (
        <ul className="removed-strip">
          {removed.map((page, i) => (
            <li key={page} className="removed-page">
              <PageThumb
                pdf={pdf}
                page={page}
                width={SMALL}
                rotate={drawnRotation(file, edit, page)}
                label={t('ui.pages.thumb', { page: page + 1 })}
              />
              <span className="page-label">{t('ui.pages.page', { page: page + 1 })}</span>
              <button
                type="button"
                data-focus={`restore-${page}`}
                aria-label={t('ui.pages.restore', { page: page + 1 })}
                onClick={() =>
                  change(restorePage(edit, page), t('ui.pages.restored', { page: page + 1 }), [
                    `restore-${removed[i + 1] ?? removed[i - 1]}`,
                    `${page}-rotate`,
                  ])
                }
              >
                {t('ui.pages.restoreShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PageButton({
  focus,
  label,
  icon,
  onClick,
  disabled,
  danger,
  describedBy,
}: {
  focus: string;
  label: string;
  icon: string;
  onClick: () => void;
  disabled?: boolean;
  danger?: boolean;
  describedBy?: string;
}) {
  return (
    <button
      type="button"
      className={`icon-button ${danger ? 'danger' : ''}`}
      data-focus={focus}
      aria-label={label}
      title={label}
      aria-describedby={describedBy}
      disabled={disabled}
      onClick={onClick}
    >
      <span aria-hidden="true">{icon}</span>
    </button>
  );
}
