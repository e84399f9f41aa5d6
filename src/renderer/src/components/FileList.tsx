/**
 * The files of one material, in packet order, with preview, part, reorder, rotate and remove; a PDF's
 * pages are edited in the page editor.
 */
import { useState } from 'react';
import type { ProjectView } from '../../../shared/ipc';
import type { MaterialRule } from '../../../core/model/schemas/rules';
import type { FileRef } from '../../../core/model/schemas/project';
import type { Problem } from '../../../core/model/schemas/check-report';
import { call } from '../lib/api';
import type { Translate } from '../../../i18n';
import { pageSummary } from '../lib/pages';
import { PageEditor } from './PageEditor';
import { useT } from '../lib/i18n';
import { formatSize } from '../lib/format';
import { Thumbnail } from './Thumbnail';
import { ScanDialog } from './ScanDialog';
import { Problems } from './Problems';
import { AcceptedWarnings, acceptRequest } from './AcceptedWarnings';
import { isScanTarget } from '../../../core/model/scan/result';
import { rolesOf } from '../../../core/model/recognition/documents';

type Props = {
  view: ProjectView;
  material: MaterialRule;
  files: FileRef[];
  mutate: (action: () => Promise<ProjectView>) => Promise<void>;
  onView: (view: ProjectView) => void;
  /** Removes the file (the caller offers an undo). */
  onRemove: (file: FileRef, index: number) => Promise<void>;
  /** The files of one part's slot (身份证 人像面): the slot says the part, and the order is the slots'. */
  inSlot?: boolean;
};

/** What a file dragged inside the list carries, so the material's drop zone can tell it from a file from disk. */
const DRAG_TYPE = 'application/x-matprep-file';

export function FileList({ view, material, files, mutate, onView, onRemove, inSlot }: Props) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const [straightening, setStraightening] = useState<string | null>(null);
  const result = view.report.materials.find((m) => m.id === material.id);
  const problems = result?.problems ?? [];
  // A photo's own warnings show on its row, open or accepted, each with its button.
  const photoWarnings = (list: Problem[] | undefined, file: FileRef) =>
    (list ?? []).filter((p) => p.code.startsWith('image.') && p.params.sha256 === file.sha256);
  const accept = (problem: Problem, undo = false) =>
    mutate(() => call('project:acceptWarning', acceptRequest(view.dir, material.id, problem, undo)));
  const [over, setOver] = useState<number | null>(null);
  if (files.length === 0) return inSlot ? null : <p className="empty-note">{t('ui.material.noFiles')}</p>;
  const base = { dir: view.dir, materialId: material.id };
  const edited = files.find((f) => f.id === editing);
  const straightened = files.find((f) => f.id === straightening);
  const move = (fileId: string, toIndex: number) =>
    mutate(() => call('project:moveFile', { ...base, fileId, toIndex }));
  // Drag to reorder (the ↑ ↓ buttons stay, for the keyboard); not inside a slot, whose list is filtered.
  const drag = (index: number) =>
    inSlot || files.length < 2
      ? {}
      : {
          draggable: true,
          onDragStart: (e: React.DragEvent) => {
            e.dataTransfer.setData(DRAG_TYPE, files[index].id);
            e.dataTransfer.effectAllowed = 'move';
          },
          onDragOver: (e: React.DragEvent) => {
            if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
            e.preventDefault();
            e.stopPropagation();
            setOver(index);
          },
          onDragLeave: () => setOver(null),
          onDrop: (e: React.DragEvent) => {
            const fileId = e.dataTransfer.getData(DRAG_TYPE);
            if (!fileId) return;
            e.preventDefault();
            e.stopPropagation();
            setOver(null);
            if (files.findIndex((f) => f.id === fileId) !== index) void move(fileId, index);
          },
        };
  return (
    <>
      <ol className="files" aria-labelledby="files-title">
        {files.map((file, index) => {
          const name = file.name;
          const details = [
            ...(file.mediaType === 'application/pdf' ? pagesDetails(file, t) : []),
            file.width && file.height ? t('ui.file.pixels', { width: file.width, height: file.height }) : null,
            formatSize(file.size, t),
            file.rotate ? t('ui.file.rotated', { deg: file.rotate }) : null,
            convertedNote(file, t),
          ].filter(Boolean);
          return (
            <li key={file.id} className={`file ${over === index ? 'drop-target' : ''}`} {...drag(index)}>
              <Thumbnail dir={view.dir} file={file} />
              <div className="file-info">
                <span className="file-name" title={file.originalName}>
                  {name}
                </span>
                <span className="file-details">{details.join(' · ')}</span>
                {!inSlot && material.parts && material.parts.length > 0 && (
                  <label className="inline-field">
                    {t('ui.file.part')}
                    <select
                      value={file.part ?? ''}
                      onChange={(e) =>
                        void mutate(() =>
                          call('project:updateFile', { ...base, fileId: file.id, part: e.target.value || null }),
                        )
                      }
                    >
                      <option value="">{t('ui.file.partNone')}</option>
                      {material.parts.map((part) => (
                        <option key={part.id} value={part.id}>
                          {part.title}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                {isScanTarget(file, rolesOf(material.id, file).length > 0) && (
                  <button
                    type="button"
                    className="edit-pages"
                    aria-label={t('ui.scan.openFor', { name })}
                    onClick={() => setStraightening(file.id)}
                  >
                    {t('ui.scan.open')}
                  </button>
                )}
                <Problems inline problems={photoWarnings(problems, file)} onAccept={(p) => void accept(p)} />
                <AcceptedWarnings
                  inline
                  problems={photoWarnings(result?.accepted, file)}
                  onUndo={(p) => void accept(p, true)}
                />
                {file.mediaType === 'application/pdf' && (
                  <button
                    type="button"
                    className="edit-pages"
                    aria-label={t('ui.file.editPagesOf', { name })}
                    onClick={() => setEditing(file.id)}
                  >
                    {t('ui.file.editPages')}
                  </button>
                )}
              </div>
              <div className="file-actions">
                {!inSlot && (
                  <>
                    <IconButton
                      label={t('ui.file.up', { name })}
                      icon="↑"
                      disabled={index === 0}
                      onClick={() => move(file.id, index - 1)}
                    />
                    <IconButton
                      label={t('ui.file.down', { name })}
                      icon="↓"
                      disabled={index === files.length - 1}
                      onClick={() => move(file.id, index + 1)}
                    />
                  </>
                )}
                {ROTATIONS.map(({ label, icon, turn }) => (
                  <IconButton
                    key={label}
                    label={t(label, { name })}
                    icon={icon}
                    onClick={() =>
                      mutate(() =>
                        call('project:updateFile', {
                          ...base,
                          fileId: file.id,
                          rotate: ((file.rotate + turn) % 360) as 0 | 90 | 180 | 270,
                        }),
                      )
                    }
                  />
                ))}
                <IconButton
                  label={t('ui.file.remove', { name })}
                  icon="✕"
                  danger
                  onClick={() => onRemove(file, index)}
                />
              </div>
            </li>
          );
        })}
      </ol>
      {straightened && (
        <ScanDialog
          dir={view.dir}
          materialId={material.id}
          file={straightened}
          onView={onView}
          onClose={() => setStraightening(null)}
        />
      )}
      {edited && (
        <PageEditor
          dir={view.dir}
          file={edited}
          onClose={() => setEditing(null)}
          onSave={async (pages) => {
            onView(await call('project:setPages', { ...base, fileId: edited.id, ...pages }));
            setEditing(null);
          }}
        />
      )}
    </>
  );
}

/** "19 页", or what the page editor changed: "共 19 页，装订 17 页（已移除 2 页）", reordered, rotated. */
function pagesDetails(file: FileRef, t: Translate): string[] {
  const summary = pageSummary(file);
  if (!summary) return [];
  const { total, kept, removed, reordered, rotated } = summary;
  return [
    removed > 0 ? t('ui.file.pagesEdited', { total, kept, removed }) : t('ui.file.pages', { count: total }),
    reordered ? t('ui.file.pagesReordered') : null,
    rotated > 0 ? t('ui.file.pagesRotated', { count: rotated }) : null,
  ].filter((d): d is string => d !== null);
}

/** Both ways, so a photo turned the wrong way needs one click, not three (turn is in degrees clockwise). */
const ROTATIONS = [
  { label: 'ui.file.rotateLeft', icon: '↺', turn: 270 },
  { label: 'ui.file.rotate', icon: '↻', turn: 90 },
] as const;

const FORMAT_NAMES = { webp: 'WebP', tiff: 'TIFF', gif: 'GIF' } as const;
const TYPE_NAMES = { 'image/jpeg': 'JPG', 'image/png': 'PNG', 'application/pdf': 'PDF' } as const;

/** "已由 WebP 转换为 JPG" for a file the import converted (src/core/images/convert.ts). */
function convertedNote(file: FileRef, t: Translate): string | null {
  if (!file.convertedFrom) return null;
  const to = TYPE_NAMES[file.mediaType];
  if (file.convertedFrom === 'gif') return t('ui.file.convertedGif', { to });
  return t('ui.file.converted', { from: FORMAT_NAMES[file.convertedFrom], to });
}

function IconButton({
  label,
  icon,
  onClick,
  disabled,
  danger,
}: {
  label: string;
  icon: string;
  onClick: () => void;
  disabled?: boolean;
  danger?: boolean;
}) {
  return (
    <button
      type="button"
      className={`icon-button ${danger ? 'danger' : ''}`}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      <span aria-hidden="true">{icon}</span>
    </button>
  );
}
