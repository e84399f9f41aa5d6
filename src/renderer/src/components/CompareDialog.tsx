/**
 * The packet submitted last and the one bound since, side by side (native <dialog>: focus stays
 * inside, Esc closes). Each side pages on its own; a changed material's button turns both to where
 * that material starts, and a page of a changed material is marked on the side that shows it.
 */
import { useEffect, useRef, useState } from 'react';
import type { Reply } from '../../../shared/ipc';
import type { Section } from '../../../core/model/schemas/bind-options';
import { useT } from '../lib/i18n';
import { openPdf, type OpenPdf } from '../lib/pdf';

type Packets = Reply<'submissions:compare'>;
type Props = { packets: Packets; changed: Set<string>; onClose: () => void };

/** The physical page (1-based) showing printed number `printed`: by the packet's page labels. */
function physical(pdf: OpenPdf, printed: number): number {
  const at = pdf.labels?.indexOf(String(printed)) ?? -1;
  return at >= 0 ? at + 1 : Math.min(printed, pdf.pages);
}

/** The section a physical page belongs to, through its label (its printed number). */
function sectionAt(pdf: OpenPdf, page: number, sections: Section[]): Section | undefined {
  const printed = Number(pdf.labels?.[page - 1] ?? page);
  return sections.find((s) => printed >= s.firstPage && printed <= s.lastPage);
}

export function CompareDialog({ packets, changed, onClose }: Props) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [docs, setDocs] = useState<{ before: OpenPdf; after: OpenPdf | null } | null>(null);
  const [pages, setPages] = useState({ before: 1, after: 1 });
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    let live = true;
    let opened: OpenPdf[] = [];
    void Promise.all([openPdf(packets.before), packets.after ? openPdf(packets.after) : null]).then(
      ([before, after]) => {
        opened = after ? [before, after] : [before];
        if (live) setDocs({ before, after });
        else for (const d of opened) void d.close().catch(() => undefined);
      },
    );
    return () => {
      live = false;
      element?.close();
      for (const d of opened) void d.close().catch(() => undefined);
    };
  }, [packets]);
  const jump = (materialId: string) => {
    if (!docs) return;
    const start = (pdf: OpenPdf | null, sections: Section[]) => {
      const section = sections.find((s) => s.materialId === materialId);
      return pdf && section ? physical(pdf, section.firstPage) : undefined;
    };
    setPages((now) => ({
      before: start(docs.before, packets.beforeSections) ?? now.before,
      after: start(docs.after, packets.afterSections) ?? now.after,
    }));
  };
  const materials = [...packets.beforeSections, ...packets.afterSections]
    .filter((s, i, all) => changed.has(s.materialId) && all.findIndex((o) => o.materialId === s.materialId) === i)
    .map((s) => ({ id: s.materialId, title: s.title }));
  return (
    <dialog ref={dialog} className="preview compare" aria-labelledby="compare-title" onClose={onClose}>
      <div className="preview-head">
        <h2 id="compare-title">{t('ui.compare.title')}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('ui.preview.close')}
        </button>
      </div>
      {materials.length > 0 && (
        <div className="compare-jump" role="group" aria-label={t('ui.compare.jump')}>
          {materials.map((m) => (
            <button key={m.id} type="button" disabled={!docs} onClick={() => jump(m.id)}>
              {m.title}
            </button>
          ))}
        </div>
      )}
      <div className="compare-sides">
        <Side
          heading={t('ui.compare.before')}
          pdf={docs?.before}
          page={pages.before}
          sections={packets.beforeSections}
          changed={changed}
          onPage={(before) => setPages((now) => ({ ...now, before }))}
        />
        {packets.after ? (
          <Side
            heading={t('ui.compare.after')}
            pdf={docs?.after ?? undefined}
            page={pages.after}
            sections={packets.afterSections}
            changed={changed}
            onPage={(after) => setPages((now) => ({ ...now, after }))}
          />
        ) : (
          <p className="help-text">{t('ui.compare.noAfter')}</p>
        )}
      </div>
    </dialog>
  );
}

type SideProps = {
  heading: string;
  pdf: OpenPdf | undefined;
  page: number;
  sections: Section[];
  changed: Set<string>;
  onPage: (page: number) => void;
};

function Side({ heading, pdf, page, sections, changed, onPage }: SideProps) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [busy, setBusy] = useState(true);
  useEffect(() => {
    if (!pdf || !canvas.current) return;
    setBusy(true);
    // Closing the dialog destroys the document under a render still running: that is no error.
    void pdf
      .render(canvas.current, page, { width: 380 })
      .catch(() => undefined)
      .finally(() => setBusy(false));
  }, [pdf, page]);
  const total = pdf?.pages ?? 0;
  const section = pdf ? sectionAt(pdf, page, sections) : undefined;
  const marked = section && changed.has(section.materialId);
  return (
    <section className={`compare-side${marked ? ' changed' : ''}`} aria-label={heading} aria-busy={busy}>
      <h3>{heading}</h3>
      <p className="compare-where" data-testid="compare-where">
        {section ? section.title : ' '}
        {marked && <span className="badge open">{t('ui.compare.changed')}</span>}
      </p>
      <canvas ref={canvas} role="img" aria-label={t('ui.compare.page', { heading, page, total })} />
      <div className="preview-nav">
        <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          <span aria-hidden="true">←</span> {t('ui.preview.prev')}
        </button>
        <span aria-live="polite">{t('ui.preview.pageOf', { page, total })}</span>
        <button type="button" disabled={page >= total} onClick={() => onPage(page + 1)}>
          {t('ui.preview.next')} <span aria-hidden="true">→</span>
        </button>
      </div>
    </section>
  );
}
