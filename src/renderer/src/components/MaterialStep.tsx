/**
 * One material: what it is and what is required, its files (add / drop / reorder / rotate / mark
 * parts / remove), its confirmations, and the dates its checks need.
 */
import { useId, useState, type DragEvent } from 'react';
import type { ProjectView } from '../../../shared/ipc';
import type { MaterialRule } from '../../../core/model/schemas/rules';
import { CONVERTIBLE_ACCEPT } from '../../../core/model/schemas/project';
import { noteText, type Problem } from '../../../core/model/schemas/check-report';
import { ApiError, call, toIncoming } from '../lib/api';
import { useLocale, useT } from '../lib/i18n';
import { packLabel } from '../../../core/model/rules/text';
import { useRun } from '../lib/run';
import { formatSize } from '../lib/format';
import { Problems } from './Problems';
import { AcceptedWarnings, acceptRequest } from './AcceptedWarnings';
import { FileList } from './FileList';
import { DateInput } from './DateInput';
import { Sources } from './Sources';
import { UndoBar, useUndoableRemove } from './RemovedFile';
import { materialStatus } from '../lib/steps';
import { ReadOffer } from './ReadOffer';
import { TemplateStrip } from './TemplateStrip';
import { rolesOf } from '../../../core/model/recognition/documents';
import type { FormOfferView } from '../../../shared/ipc';
import { Examples } from './Examples';
import { PartSlots } from './PartSlots';

type Props = { view: ProjectView; material: MaterialRule; onView: (view: ProjectView) => void };

const PASSWORD_CODES = new Set(['pdf.passwordRequired', 'pdf.passwordWrong']);
type Locked = { file: File; message: string };

const ACCEPT: Record<string, string> = {
  pdf: '.pdf,application/pdf',
  jpg: '.jpg,.jpeg,image/jpeg',
  png: '.png,image/png',
};

export function MaterialStep({ view, material, onView }: Props) {
  const t = useT();
  const locale = useLocale();
  const run = useRun();
  const inputId = useId();
  const autoId = useId();
  const [adding, setAdding] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [locked, setLocked] = useState<Locked[]>([]);
  const [reading, setReading] = useState(false);
  const [offers, setOffers] = useState<FormOfferView[]>([]);
  // Licences and ID cards are read once added (offline OCR in a worker); what they say is offered below.
  const readable = rolesOf(material.id, {}).length > 0;
  const removal = useUndoableRemove(view, material.id, onView);
  const status = materialStatus(view, material.id);
  const entry = view.doc.materials[material.id];
  const result = view.report.materials.find((m) => m.id === material.id);
  const formats = material.accept.map((f) => f.toUpperCase()).join(' / ');
  const accept = [...material.accept.map((f) => ACCEPT[f]), CONVERTIBLE_ACCEPT].join(',');
  // "Missing" is already the step's status, and the requirements below say what to add.
  const problems = (result?.problems ?? []).filter((p) => p.code !== 'material.missing');
  // Confirmations the photo check answered (四角完整), shown ticked and saying so.
  const auto = result?.autoConfirmed ?? [];

  // Files are added one at a time, so one bad file does not hold back the rest, and a PDF with an
  // open password can be asked about on its own.
  const addOne = async (file: File, password?: string, part?: string) => {
    try {
      const request = { dir: view.dir, materialId: material.id, files: [await toIncoming(file)], password, part };
      onView(await call('project:addFiles', request));
      setLocked((prev) => prev.filter((l) => l.file !== file));
    } catch (error) {
      if (error instanceof ApiError && PASSWORD_CODES.has(error.code)) {
        setLocked((prev) => [...prev.filter((l) => l.file !== file), { file, message: error.message }]);
      } else {
        await run(() => Promise.reject(error));
      }
    }
  };
  const addFiles = async (files: File[], part?: string) => {
    if (files.length === 0) return;
    setAdding(true);
    for (const file of files) await addOne(file, undefined, part);
    setAdding(false);
    if (!readable) return;
    setReading(true);
    const reply = await run(() => call('recognition:read', { dir: view.dir, materialId: material.id }));
    setReading(false);
    if (reply) {
      onView(reply.view);
      setOffers(reply.offers);
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void addFiles(Array.from(e.dataTransfer.files));
  };
  const mutate = async (action: () => Promise<ProjectView>) => {
    const next = await run(action);
    if (next) onView(next);
  };
  const accepted = result?.accepted ?? [];
  const acceptWarning = (problem: Problem, undo = false) =>
    mutate(() => call('project:acceptWarning', acceptRequest(view.dir, material.id, problem, undo)));

  return (
    <div
      className={`material ${dragging ? 'dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      {status === 'not-required' && <p className="note">{t('ui.step.notRequired')}</p>}
      {(problems.length > 0 || accepted.length > 0) && (
        // The box takes the step's colour: red only when something is wrong with a file.
        <section aria-labelledby="problems-title" className={`card problems-card problems-${status}`}>
          <h2 id="problems-title">{t('ui.material.problems')}</h2>
          <Problems problems={problems} onAccept={(p) => void acceptWarning(p)} />
          <AcceptedWarnings problems={accepted} onUndo={(p) => void acceptWarning(p, true)} />
        </section>
      )}

      <section aria-labelledby="req-title" className="card">
        <h2 id="req-title">{t('ui.material.requirements')}</h2>
        {material.help && <p className="help-text">{material.help}</p>}
        <ul className="requirements">
          <li>{t('ui.material.formats', { formats })}</li>
          {material.pages && <li>{t('ui.material.pages', { range: pageRange(material.pages, t) })}</li>}
          {material.maxFileSizeKB && (
            <li>{t('ui.material.maxSize', { size: formatSize(material.maxFileSizeKB * 1024, t) })}</li>
          )}
          {material.minImagePixels && (
            <li>
              {t(
                material.minImagePixels.severity === 'warning'
                  ? 'ui.material.minPixelsAdvised'
                  : 'ui.material.minPixels',
                material.minImagePixels,
              )}
            </li>
          )}
          {material.parts && <li>{t('ui.material.parts', { parts: material.parts.map((p) => p.title) })}</li>}
          {material.expires && <li>{t('ui.material.expiresRule', { days: material.expires.minDaysLeft })}</li>}
          {material.recency && <li>{t('ui.material.recencyRule', { months: material.recency.months })}</li>}
        </ul>
        {result?.note && <p className="help-text rule-note">{noteText(result.note, t)}</p>}
        {material.examples && material.examples.length > 0 && (
          <>
            <h3>{t('ui.material.examples')}</h3>
            <ul className="examples">
              {material.examples.map((example) => (
                <li key={example}>{example}</li>
              ))}
            </ul>
          </>
        )}
        <Examples material={material} />
        <Sources sources={view.rulePack.sources} cited={material.source} />
      </section>

      <TemplateStrip view={view} material={material} />

      <section aria-labelledby="files-title" className="card">
        <h2 id="files-title">{t('ui.material.files')}</h2>
        {!material.parts?.length && (
          <div className="dropzone">
            <span aria-hidden="true" className="dropzone-icon">
              ⇪
            </span>
            <span>{t('ui.material.drop', { formats })}</span>
            <label htmlFor={inputId} className="button primary file-button">
              {t('ui.material.add')}
            </label>
            <input
              id={inputId}
              className="visually-hidden"
              type="file"
              multiple
              accept={accept}
              onChange={(e) => {
                const files = Array.from(e.target.files ?? []);
                e.target.value = '';
                void addFiles(files);
              }}
            />
          </div>
        )}
        <p role="status" className="status-line">
          {adding ? t('ui.material.adding') : reading ? t('ui.read.reading') : ''}
        </p>
        {offers.length > 0 && (
          <ReadOffer
            view={view}
            materialId={material.id}
            document={material.title}
            offers={offers}
            onView={onView}
            onDone={() => setOffers([])}
          />
        )}
        {locked.map((item) => (
          <PasswordRequest
            key={`${item.file.name}-${item.file.size}-${item.file.lastModified}`}
            item={item}
            onSubmit={(password) => addOne(item.file, password)}
            onSkip={() => setLocked((prev) => prev.filter((l) => l !== item))}
          />
        ))}
        {material.parts?.length ? (
          <PartSlots
            view={view}
            material={{ ...material, parts: material.parts }}
            files={entry?.files ?? []}
            accept={accept}
            addFiles={addFiles}
            mutate={mutate}
            onView={onView}
            onRemove={removal.remove}
          />
        ) : (
          <FileList
            view={view}
            material={material}
            files={entry?.files ?? []}
            mutate={mutate}
            onView={onView}
            onRemove={removal.remove}
          />
        )}
        <UndoBar removed={removal.removed} onUndo={() => void removal.undo()} onDismiss={removal.dismiss} />
      </section>

      {material.confirm && material.confirm.length > 0 && (
        <fieldset className="card">
          <legend>{t('ui.material.confirmations')}</legend>
          <p className="help-text">{t('ui.material.confirmExplain')}</p>
          {material.confirm.map((what, index) => {
            const byCheck = auto.includes(what) && !entry?.confirmations.includes(what);
            return (
              <div key={what}>
                <label className="choice">
                  <input
                    type="checkbox"
                    aria-describedby={byCheck ? `${autoId}-${index}` : undefined}
                    checked={(entry?.confirmations.includes(what) ?? false) || auto.includes(what)}
                    onChange={(e) =>
                      void mutate(() =>
                        call('project:confirm', {
                          dir: view.dir,
                          materialId: material.id,
                          what,
                          checked: e.target.checked,
                        }),
                      )
                    }
                  />
                  {packLabel(material, 'confirm', what, locale)}
                </label>
                {byCheck && (
                  <p id={`${autoId}-${index}`} className="help-text auto-confirmed">
                    {t('scan.autoConfirmed')}
                  </p>
                )}
              </div>
            );
          })}
        </fieldset>
      )}

      {(material.recency || material.expires) && (
        <fieldset className="card dates">
          <legend>{t('ui.material.dates')}</legend>
          {material.recency && (
            <DateInput
              label={t('ui.material.issuedOn')}
              hint={t('ui.material.issuedOnHint', { months: material.recency.months })}
              value={entry?.issuedOn}
              onSave={(issuedOn) =>
                mutate(() => call('project:setDates', { dir: view.dir, materialId: material.id, issuedOn }))
              }
            />
          )}
          {material.expires && (
            <DateInput
              label={t('ui.material.validUntil')}
              hint={t('ui.material.validUntilHint', { days: material.expires.minDaysLeft })}
              value={entry?.validUntil}
              longTerm={t('ui.material.longTerm')}
              onSave={(validUntil) =>
                mutate(() => call('project:setDates', { dir: view.dir, materialId: material.id, validUntil }))
              }
            />
          )}
        </fieldset>
      )}
    </div>
  );
}

function pageRange(pages: { min?: number; max?: number }, t: ReturnType<typeof useT>): string {
  if (pages.min !== undefined && pages.max !== undefined) return t('ui.material.pagesRange', pages);
  if (pages.min !== undefined) return t('ui.material.pagesMin', pages);
  return t('ui.material.pagesMax', pages);
}

/** A PDF that needs its open password before it can be added; the app checks the password at once. */
function PasswordRequest({
  item,
  onSubmit,
  onSkip,
}: {
  item: Locked;
  onSubmit: (password: string) => Promise<void>;
  onSkip: () => void;
}) {
  const t = useT();
  const id = useId();
  const [password, setPassword] = useState('');
  return (
    <form
      className="password-request"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (password) void onSubmit(password);
      }}
    >
      <p id={`${id}-title`} role="alert">
        {item.message}
      </p>
      <label htmlFor={`${id}-pw`}>{t('ui.file.password', { name: item.file.name })}</label>
      <div className="row">
        <input
          id={`${id}-pw`}
          type="password"
          autoComplete="off"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="primary" disabled={!password}>
          {t('ui.file.addWithPassword')}
        </button>
        <button type="button" onClick={onSkip}>
          {t('ui.file.skip')}
        </button>
      </div>
    </form>
  );
}
