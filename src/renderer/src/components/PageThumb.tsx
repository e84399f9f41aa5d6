/** Thumbnails of single PDF pages for the page editor, drawn from one opened copy of the file. */
import { useEffect, useRef, useState } from 'react';
import type { FileRef } from '../../../core/model/schemas/project';
import { openPdf, type OpenPdf } from '../lib/pdf';
import { useFileBytes } from './FilePreview';

/** The file opened once with pdf.js for all its thumbnails: null while loading, 'failed' when unreadable. */
export function useOpenPdf(dir: string, file: FileRef): OpenPdf | null | 'failed' {
  const bytes = useFileBytes(dir, file.sha256);
  const [pdf, setPdf] = useState<OpenPdf | null | 'failed'>(null);
  useEffect(() => {
    if (bytes === 'failed') return setPdf('failed');
    if (!bytes) return;
    let live = true;
    let opened: OpenPdf | null = null;
    openPdf(bytes, file.password).then(
      (doc) => {
        opened = doc;
        if (live) setPdf(doc);
        else void doc.close();
      },
      () => live && setPdf('failed'),
    );
    return () => {
      live = false;
      void opened?.close();
    };
  }, [bytes, file.password]);
  return pdf;
}

/**
 * One page drawn as in the file (with its own /Rotate); the extra rotation is a CSS turn inside a
 * square box, so turning a page never redraws it. Drawn when it first scrolls into view.
 */
export function PageThumb({
  pdf,
  page,
  width,
  rotate,
  label,
}: {
  pdf: OpenPdf;
  page: number;
  width: number;
  rotate: number;
  label: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'waiting' | 'drawing' | 'ok' | 'failed'>('waiting');
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let live = true;
    const draw = () => {
      setState('drawing');
      pdf.render(element, page + 1, { width }).then(
        () => live && setState('ok'),
        () => live && setState('failed'),
      );
    };
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      draw();
    });
    observer.observe(element);
    return () => {
      live = false;
      observer.disconnect();
    };
  }, [pdf, page, width]);
  return (
    <span className="page-thumb" style={{ width: width + 8, height: width + 8 }}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={label}
        aria-busy={state !== 'ok' && state !== 'failed'}
        style={{ maxWidth: width, maxHeight: width, transform: rotate ? `rotate(${rotate}deg)` : undefined }}
      />
    </span>
  );
}
