/**
 * One page of an imported file drawn as it will be bound, for the thumbnail and the preview dialog.
 * Images show via a blob URL, PDFs via pdf.js (loaded lazily, worker bundled locally). The user's
 * extra rotation is applied, so what they see is what gets bound.
 */
import { useEffect, useRef, useState } from 'react';
import type { FileRef } from '../../../core/model/schemas/project';
import { call } from '../lib/api';
import { useT } from '../lib/i18n';
import { renderPdfPage } from '../lib/pdf';

/** The bytes of an imported file from the project's vault: null while loading, 'failed' when unreadable. */
export function useFileBytes(dir: string, sha256: string): Uint8Array | null | 'failed' {
  const [bytes, setBytes] = useState<Uint8Array | null | 'failed'>(null);
  useEffect(() => {
    let live = true;
    setBytes(null);
    call('project:fileBytes', { dir, sha256 }).then(
      (data) => live && setBytes(data),
      () => live && setBytes('failed'),
    );
    return () => {
      live = false;
    };
  }, [dir, sha256]);
  return bytes;
}

export function Placeholder({ text }: { text: string }) {
  return (
    <div className="thumb thumb-failed">
      <span aria-hidden="true">▯</span>
      <span className="thumb-note">{text}</span>
    </div>
  );
}

type PreviewProps = {
  bytes: Uint8Array;
  file: FileRef;
  /** Width in CSS pixels (images: the longest side). */
  width: number;
  label: string;
  /** 1-based page of a PDF. */
  page?: number;
  /** Extra clockwise rotation of a PDF page, instead of the file's own (which already includes it). */
  rotate?: number;
  onPages?: (count: number) => void;
};

/** One page of a file, drawn as it will be bound. */
export function FilePreview(props: PreviewProps) {
  return props.file.mediaType === 'application/pdf' ? <PdfPage {...props} /> : <ImagePreview {...props} />;
}

function ImagePreview({ bytes, file, width, label }: PreviewProps) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const next = URL.createObjectURL(new Blob([bytes as BlobPart], { type: file.mediaType }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [bytes, file.mediaType]);
  if (!url) return null;
  // Chromium applies EXIF orientation to <img> itself (image-orientation: from-image), matching
  // what the binder does with sharp; the user's rotation comes on top.
  return (
    <img src={url} alt={label} style={{ maxWidth: width, maxHeight: width, transform: `rotate(${file.rotate}deg)` }} />
  );
}

function PdfPage({ bytes, file, width, label, page = 1, rotate = file.rotate, onPages }: PreviewProps) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'loading' | 'ok' | 'locked' | 'failed'>('loading');
  const pagesCallback = useRef(onPages);
  pagesCallback.current = onPages;
  useEffect(() => {
    let live = true;
    if (!canvas.current) return;
    setState('loading');
    renderPdfPage(bytes, canvas.current, {
      rotate,
      password: file.password,
      width,
      pageNumber: page,
    }).then(
      (count) => {
        if (!live) return;
        setState('ok');
        pagesCallback.current?.(count);
      },
      (error: unknown) =>
        live && setState((error as { name?: string } | null)?.name === 'PasswordException' ? 'locked' : 'failed'),
    );
    return () => {
      live = false;
    };
  }, [bytes, rotate, file.password, width, page]);
  return (
    <>
      <canvas
        ref={canvas}
        role="img"
        aria-label={label}
        aria-busy={state === 'loading'}
        hidden={state !== 'ok' && state !== 'loading'}
      />
      {state === 'locked' && <Placeholder text={t('ui.file.passwordNeeded')} />}
      {state === 'failed' && <Placeholder text={t('ui.file.previewFailed')} />}
    </>
  );
}
