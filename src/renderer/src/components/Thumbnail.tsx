/**
 * The thumbnail of one imported file in the file list; clicking it opens the larger, page-by-page
 * preview (PreviewDialog). Drawing the page itself is FilePreview's job.
 */
import { useState } from 'react';
import type { FileRef } from '../../../core/model/schemas/project';
import { useT } from '../lib/i18n';
import { boundPages, pageRotation } from '../lib/pages';
import { FilePreview, Placeholder, useFileBytes } from './FilePreview';
import { PreviewDialog } from './PreviewDialog';

type Props = { dir: string; file: FileRef };

export function Thumbnail({ dir, file }: Props) {
  const t = useT();
  const bytes = useFileBytes(dir, file.sha256);
  const [open, setOpen] = useState(false);
  // The first page that is bound, turned as it will be bound (page-level edits included).
  const first = boundPages(file, 1)[0] ?? 0;
  const rotate = pageRotation(file, first);

  if (bytes === 'failed') return <Placeholder text={t('ui.file.previewFailed')} />;
  if (!bytes) return <div className="thumb thumb-loading" aria-hidden="true" />;
  return (
    <>
      <button
        type="button"
        className="thumb thumb-button"
        title={t('ui.file.open', { name: file.name })}
        aria-label={t('ui.file.open', { name: file.name })}
        onClick={() => setOpen(true)}
      >
        <FilePreview
          bytes={bytes}
          file={file}
          width={96}
          page={first + 1}
          rotate={rotate}
          label={t('ui.file.preview', { name: file.name })}
        />
      </button>
      {open && <PreviewDialog bytes={bytes} file={file} onClose={() => setOpen(false)} />}
    </>
  );
}
