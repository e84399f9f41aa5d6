/**
 * A small preview of one imported file: images via a blob URL, PDFs' first page via pdf.js (loaded
 * lazily, worker bundled locally). The user's extra rotation is applied so what they see is what binds.
 */
import { useEffect, useRef, useState } from 'react';
import type { FileRef } from '../../../core/project/schema';
import { call } from '../api';
import { useT } from '../i18n';
import { renderPdfPage } from '../pdf';

type Props = { dir: string; file: FileRef };

export function Thumbnail({ dir, file }: Props) {
  const t = useT();
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    call('project:fileBytes', { dir, sha256: file.sha256 }).then(
      (data) => live && setBytes(data),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [dir, file.sha256]);

  const label = t('ui.file.preview', { name: file.name });
  if (failed) return <Placeholder text={t('ui.file.previewFailed')} />;
  if (!bytes) return <div className="thumb thumb-loading" aria-hidden="true" />;
  if (file.mediaType === 'application/pdf') {
    return <PdfThumb bytes={bytes} rotate={file.rotate} password={file.password} label={label} />;
  }
  return <ImageThumb bytes={bytes} type={file.mediaType} rotate={file.rotate} label={label} />;
}

function Placeholder({ text }: { text: string }) {
  return (
    <div className="thumb thumb-failed">
      <span aria-hidden="true">▯</span>
      <span className="thumb-note">{text}</span>
    </div>
  );
}

function ImageThumb({
  bytes,
  type,
  rotate,
  label,
}: {
  bytes: Uint8Array;
  type: string;
  rotate: number;
  label: string;
}) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const next = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [bytes, type]);
  if (!url) return <div className="thumb" aria-hidden="true" />;
  // Chromium applies EXIF orientation to <img> itself (image-orientation: from-image), matching
  // what the binder does with sharp; the user's rotation comes on top.
  return (
    <div className="thumb">
      <img src={url} alt={label} style={{ transform: `rotate(${rotate}deg)` }} />
    </div>
  );
}

function PdfThumb({
  bytes,
  rotate,
  password,
  label,
}: {
  bytes: Uint8Array;
  rotate: number;
  password?: string;
  label: string;
}) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'loading' | 'ok' | 'locked' | 'failed'>('loading');
  useEffect(() => {
    let live = true;
    if (!canvas.current) return;
    renderPdfPage(bytes, canvas.current, { rotate, password, width: 96 }).then(
      () => live && setState('ok'),
      (error: unknown) =>
        live && setState((error as { name?: string } | null)?.name === 'PasswordException' ? 'locked' : 'failed'),
    );
    return () => {
      live = false;
    };
  }, [bytes, rotate, password]);
  return (
    <div className="thumb">
      <canvas ref={canvas} role="img" aria-label={label} hidden={state !== 'ok' && state !== 'loading'} />
      {state === 'locked' && <Placeholder text={t('ui.file.passwordNeeded')} />}
      {state === 'failed' && <Placeholder text={t('ui.file.previewFailed')} />}
    </div>
  );
}
