/**
 * The bound packet's pages, drawn in the app by pdf.js from the file just written, so the user sees
 * the cover, contents, numbers and watermark before opening or printing it. The first pages at once,
 * the rest on request; each is drawn only when it scrolls into view.
 */
import { useEffect, useId, useState } from 'react';
import { call } from '../lib/api';
import { useT } from '../lib/i18n';
import { useRun } from '../lib/run';
import { openPdf, type OpenPdf } from '../lib/pdf';
import { PageThumb } from './PageThumb';

/** Enough to show the cover, the contents and the first materials without scrolling far. */
const FIRST_PAGES = 8;
const WIDTH = 132;

/** `version` changes when a packet is bound again to the same file name, so it is read again. */
export function PacketPreview({ output, version }: { output: string; version: string }) {
  const t = useT();
  const run = useRun();
  const id = useId();
  const [pdf, setPdf] = useState<OpenPdf | null | 'failed'>(null);
  const [all, setAll] = useState(false);
  useEffect(() => {
    let live = true;
    let opened: OpenPdf | null = null;
    setPdf(null);
    void run(() => call('output:packetBytes', { path: output })).then(async (bytes) => {
      if (!bytes) return live && setPdf('failed');
      try {
        opened = await openPdf(bytes);
        if (live) setPdf(opened);
        else void opened.close();
      } catch {
        if (live) setPdf('failed');
      }
    });
    return () => {
      live = false;
      void opened?.close();
    };
  }, [run, output, version]);

  if (pdf === 'failed') return <p className="help-text">{t('ui.bind.previewFailed')}</p>;
  const total = pdf?.pages ?? 0;
  const shown = all ? total : Math.min(total, FIRST_PAGES);
  return (
    <section className="packet-preview" aria-labelledby={`${id}-title`} aria-busy={pdf === null}>
      <h3 id={`${id}-title`}>{pdf ? t('ui.bind.previewTitle', { count: total }) : t('ui.bind.previewLoading')}</h3>
      {pdf && (
        <ol className="packet-pages">
          {Array.from({ length: shown }, (_, page) => (
            <li key={page}>
              <PageThumb
                pdf={pdf}
                page={page}
                width={WIDTH}
                rotate={0}
                label={t('ui.bind.previewPage', { page: page + 1, total })}
              />
              <span className="page-label" aria-hidden="true">
                {page + 1}
              </span>
            </li>
          ))}
        </ol>
      )}
      {pdf && total > shown && (
        <button type="button" onClick={() => setAll(true)}>
          {t('ui.bind.previewAll', { count: total })}
        </button>
      )}
    </section>
  );
}
