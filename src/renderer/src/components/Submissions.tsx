/**
 * Submissions on the bind screen: mark the packet just bound as submitted (date, where, 受理号, note),
 * the timeline of submissions with their kept copies, "自上次提交以来的变更" (computed here from the
 * stored record, the same pure function the CLI and the 补正说明 page use), the current round's
 * requests, and a place to paste the authority's notice and tick which materials each line concerns.
 */
import { useId, useMemo, useState } from 'react';
import type { ProjectView, Reply } from '../../../shared/ipc';
import { CompareDialog } from './CompareDialog';
import { computeChanges, currentRequests, requestStates } from '../../../core/model/submissions/changes';
import type { RequestSubject } from '../../../core/model/schemas/submissions';
import { describeFieldChange, describeMaterialChange, describeSubject } from '../../../i18n/changes';
import { call } from '../lib/api';
import { useLocale, useT } from '../lib/i18n';
import { DateText } from './DateText';
import { useRun } from '../lib/run';

type Props = {
  view: ProjectView;
  onView: (view: ProjectView) => void;
  /** The last packet bound is the project as it is (else it must be bound again first). */
  canSubmit: boolean;
};

export function Submissions({ view, onView, canSubmit }: Props) {
  const t = useT();
  const base = useId();
  const submissions = view.doc.submissions ?? [];
  const lastPacket = view.doc.history.at(-1);
  const alreadySubmitted = !!lastPacket && submissions.some((s) => s.packet.sha256 === lastPacket.sha256);
  return (
    <section className="card submissions" aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>{t('ui.submissions.title')}</h2>
      {alreadySubmitted ? (
        <p className="help-text">{t('ui.submissions.alreadySubmitted')}</p>
      ) : canSubmit ? (
        <SubmitForm view={view} onView={onView} />
      ) : (
        <p className="help-text">{t(lastPacket ? 'ui.submissions.bindAgain' : 'ui.submissions.bindFirst')}</p>
      )}
      {submissions.length > 0 && (
        <>
          <Timeline view={view} />
          <ChangesSince view={view} onView={onView} />
          <FeedbackForm view={view} onView={onView} />
        </>
      )}
    </section>
  );
}

function SubmitForm({ view, onView }: Omit<Props, 'canSubmit'>) {
  const t = useT();
  const run = useRun();
  const id = useId();
  const [date, setDate] = useState(view.report.today);
  const [where, setWhere] = useState('');
  const [receipt, setReceipt] = useState('');
  const [note, setNote] = useState('');
  const submit = async () => {
    const next = await run(() => call('submissions:submit', { dir: view.dir, date, where, receipt, note }));
    if (next) onView(next);
  };
  const text = (key: 'date' | 'where' | 'receipt' | 'note', value: string, set: (v: string) => void) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(`ui.submissions.${key}`)}</label>
      {key === 'date' ? (
        <DateText id={`${id}-${key}`} value={value} immediate onCommit={set} />
      ) : (
        <input id={`${id}-${key}`} type="text" value={value} onChange={(e) => set(e.target.value)} />
      )}
    </div>
  );
  return (
    <form
      className="submit-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="help-text">{t('ui.submissions.submitIntro')}</p>
      <div className="fields">
        {text('date', date, setDate)}
        {text('where', where, setWhere)}
        {text('receipt', receipt, setReceipt)}
        {text('note', note, setNote)}
      </div>
      <button type="submit" className="primary">
        {t('ui.submissions.submit')}
      </button>
    </form>
  );
}

function Timeline({ view }: { view: ProjectView }) {
  const t = useT();
  const run = useRun();
  const submissions = view.doc.submissions ?? [];
  return (
    <>
      <h3>{t('ui.submissions.timeline')}</h3>
      <ol className="timeline" reversed>
        {[...submissions].reverse().map((s) => (
          <li key={s.id} data-testid="submission">
            <strong>{s.date}</strong>
            {s.receipt && <> · {t('ui.submissions.receiptShown', { receipt: s.receipt })}</>}
            {s.where && <> · {s.where}</>}
            {s.note && <span className="help-text"> · {s.note}</span>}{' '}
            <button
              type="button"
              className="link"
              aria-label={t('ui.submissions.openCopyOf', { date: s.date })}
              onClick={() => void run(() => call('submissions:openPacket', { dir: view.dir, id: s.id }))}
            >
              {t('ui.submissions.openCopy')}
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}

function ChangesSince({ view, onView }: Omit<Props, 'canSubmit'>) {
  const t = useT();
  const locale = useLocale();
  const run = useRun();
  const latest = view.doc.submissions!.at(-1)!;
  const report = useMemo(() => computeChanges(latest, view.doc, view.rulePack), [latest, view.doc, view.rulePack]);
  const lines = [
    ...report.fields.map((f) => describeFieldChange(f, locale)),
    ...report.materials.map((m) => describeMaterialChange(m, locale)),
  ];
  const remove = async (id: string) => {
    const next = await run(() => call('submissions:removeRequest', { dir: view.dir, id }));
    if (next) onView(next);
  };
  return (
    <>
      <h3>{t('ui.submissions.changes')}</h3>
      {lines.length === 0 ? (
        <p className="help-text" data-testid="changes-none">
          {t('ui.submissions.noChanges')}
        </p>
      ) : (
        <ul className="changes" data-testid="changes">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <CompareButton view={view} changed={new Set(report.materials.map((m) => m.id))} />
      {report.requests.length > 0 && (
        <>
          <h3>{t('ui.submissions.requests')}</h3>
          <ul className="requests">
            {report.requests.map((r) => (
              <li key={r.id} data-testid="request" className={r.answered ? 'answered' : 'open'}>
                <span className={`badge ${r.answered ? 'answered' : 'open'}`}>
                  {t(r.answered ? 'ui.submissions.answered' : 'ui.submissions.open')}
                </span>{' '}
                {r.date} · {describeSubject(r, locale)}：{r.text}{' '}
                <button
                  type="button"
                  className="link"
                  aria-label={t('ui.submissions.removeRequestOf', { text: r.text })}
                  onClick={() => void remove(r.id)}
                >
                  {t('ui.submissions.removeRequest')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** Opens the submitted packet and the one bound since side by side, once a packet was bound after it. */
function CompareButton({ view, changed }: { view: ProjectView; changed: Set<string> }) {
  const t = useT();
  const run = useRun();
  const [packets, setPackets] = useState<Reply<'submissions:compare'> | null>(null);
  const latest = view.doc.submissions!.at(-1)!;
  const last = view.doc.history.at(-1);
  if (!last || last.sha256 === latest.packet.sha256) return null;
  const open = async () => {
    const next = await run(() => call('submissions:compare', { dir: view.dir, id: latest.id }));
    if (next) setPackets(next);
  };
  return (
    <>
      <button type="button" onClick={() => void open()}>
        {t('ui.compare.open')}
      </button>
      {packets && <CompareDialog packets={packets} changed={changed} onClose={() => setPackets(null)} />}
    </>
  );
}

/** A numbered notice line's number ("1.", "2、", "（三）") is not part of the request. */
function noticeLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:\d+[.、．)]|[（(][一二三四五六七八九十\d]+[)）])\s*/, '').trim())
    .filter(Boolean);
}

function FeedbackForm({ view, onView }: Omit<Props, 'canSubmit'>) {
  const t = useT();
  const run = useRun();
  const id = useId();
  const [date, setDate] = useState(view.report.today);
  const [notice, setNotice] = useState('');
  const [ticked, setTicked] = useState<Record<string, string[]>>({});
  const lines = noticeLines(notice);
  const materials = view.rulePack.materials;
  const toggle = (line: string, material: string, on: boolean) =>
    setTicked((all) => {
      const now = new Set(all[line] ?? []);
      if (on) now.add(material);
      else now.delete(material);
      return { ...all, [line]: [...now] };
    });
  const record = async () => {
    const items = lines.map((text) => ({
      text,
      subjects: (ticked[text] ?? []).map((m): RequestSubject => ({ kind: 'material', id: m })),
    }));
    const next = await run(() => call('submissions:feedback', { dir: view.dir, date, items }));
    if (next) {
      onView(next);
      setNotice('');
      setTicked({});
    }
  };
  return (
    <>
      <h3 id={`${id}-title`}>{t('ui.submissions.feedback')}</h3>
      <p className="help-text">{t('ui.submissions.feedbackIntro')}</p>
      <div className="fields">
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('ui.submissions.noticeDate')}</label>
          <DateText id={`${id}-date`} value={date} immediate onCommit={setDate} />
        </div>
        <div className="field wide">
          <label htmlFor={`${id}-notice`}>{t('ui.submissions.notice')}</label>
          <textarea id={`${id}-notice`} rows={4} value={notice} onChange={(e) => setNotice(e.target.value)} />
        </div>
      </div>
      {lines.map((line, i) => (
        <fieldset key={`${i}-${line}`} className="notice-line">
          <legend>{t('ui.submissions.lineConcerns', { n: i + 1, text: line })}</legend>
          {materials.map((m) => (
            <label key={m.id}>
              <input
                type="checkbox"
                checked={(ticked[line] ?? []).includes(m.id)}
                onChange={(e) => toggle(line, m.id, e.target.checked)}
              />{' '}
              {m.title}
            </label>
          ))}
        </fieldset>
      ))}
      <button type="button" disabled={lines.length === 0} onClick={() => void record()}>
        {t('ui.submissions.record', { count: lines.length })}
      </button>
    </>
  );
}

/** Open requests of the current round on one material or field, for the checklist. */
export function openRequestsOn(view: ProjectView, subject: RequestSubject['kind'], id?: string): string[] {
  return requestStates(currentRequests(view.doc), view.doc, view.rulePack)
    .filter((r) => !r.answered && r.subject.kind === subject && (!id || ('id' in r.subject && r.subject.id === id)))
    .map((r) => r.text);
}
