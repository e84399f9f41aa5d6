/**
 * The first step, 主体信息: one input per subject field, by field type. Text is saved once the user
 * pauses or leaves the field (CommitInput), a choice at once; the check report that comes back
 * drives the messages.
 */
import type { ProjectView } from '../../../shared/ipc';
import type { FieldRule } from '../../../core/model/schemas/rules';
import type { FieldValue } from '../../../core/model/schemas/project';
import { noteText, type FieldResult } from '../../../core/model/schemas/check-report';
import { call } from '../lib/api';
import { useLocale, useT } from '../lib/i18n';
import { packLabel } from '../../../core/model/rules/text';
import { useRun } from '../lib/run';
import { Problems } from './Problems';
import { CommitInput } from './CommitInput';
import { DateText } from './DateText';
import { visibleFields } from '../lib/steps';

type Props = { view: ProjectView; onView: (view: ProjectView) => void };

export function SubjectStep({ view, onView }: Props) {
  const t = useT();
  const run = useRun();
  const save = async (fieldId: string, value: FieldValue | null) => {
    const next = await run(() => call('project:setField', { dir: view.dir, fieldId, value }));
    if (next) onView(next);
  };
  const fields = visibleFields(view);
  return (
    <div className="subject">
      <p className="intro">{t('ui.subject.intro')}</p>
      <div className="fields">
        {fields.map((field) => (
          <FieldRow
            key={field.id}
            field={field}
            value={view.doc.fields[field.id]}
            result={resultOf(view, field)}
            onSave={save}
          />
        ))}
      </div>
    </div>
  );
}

function resultOf(view: ProjectView, field: FieldRule): FieldResult | undefined {
  return view.report.fields.find((f) => f.id === field.id);
}

type RowProps = {
  field: FieldRule;
  value: FieldValue | undefined;
  result: FieldResult | undefined;
  onSave: (fieldId: string, value: FieldValue | null) => Promise<void>;
};

function FieldRow({ field, value, result, onSave }: RowProps) {
  const t = useT();
  const locale = useLocale();
  const id = `field-${field.id}`;
  // An empty field is listed as missing in the checklist; repeating that in red under every empty
  // input of a fresh form would only alarm. Inline, show what is wrong with what was entered.
  const problems = (result?.problems ?? []).filter((p) => p.code !== 'field.missing');
  const invalid = problems.some((p) => p.severity === 'error');
  const describedBy =
    [field.help && `${id}-help`, result?.note && `${id}-note`, problems.length > 0 && `${id}-problems`]
      .filter(Boolean)
      .join(' ') || undefined;
  const required = result?.required ?? field.required;
  const badge = (
    <span className={required ? 'badge required' : 'badge'}>
      {t(required ? 'ui.step.required' : 'ui.step.optional')}
    </span>
  );

  const help = (
    <>
      {field.help && (
        <p className="help" id={`${id}-help`}>
          {field.help}
          {field.example && <span className="example"> {t('ui.subject.example', { example: field.example })}</span>}
        </p>
      )}
      {!field.help && field.example && (
        <p className="help" id={`${id}-help`}>
          {t('ui.subject.example', { example: field.example })}
        </p>
      )}
      {result?.note && (
        <p className="help rule-note" id={`${id}-note`}>
          {noteText(result.note, t)}
        </p>
      )}
      <Problems problems={problems} id={`${id}-problems`} />
    </>
  );

  if (field.type === 'multi') {
    const selected = Array.isArray(value) ? value : [];
    return (
      <fieldset className={`field ${invalid ? 'has-error' : ''}`} aria-describedby={describedBy}>
        <legend>
          {field.label} {badge}
        </legend>
        <div className="choices">
          {(field.options ?? []).map((option) => (
            <label key={option} className="choice">
              <input
                type="checkbox"
                checked={selected.includes(option)}
                onChange={(e) => {
                  const next = e.target.checked ? [...selected, option] : selected.filter((o) => o !== option);
                  void onSave(field.id, next.length > 0 ? next : null);
                }}
              />
              {packLabel(field, 'options', option, locale)}
            </label>
          ))}
        </div>
        {help}
      </fieldset>
    );
  }

  if (field.type === 'boolean') {
    return (
      <div className={`field ${invalid ? 'has-error' : ''}`}>
        <label className="choice">
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            aria-describedby={describedBy}
            onChange={(e) => void onSave(field.id, e.target.checked)}
          />
          {field.label} {badge}
        </label>
        {help}
      </div>
    );
  }

  const common = {
    id,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
  };
  return (
    <div className={`field ${invalid ? 'has-error' : ''}`}>
      <label htmlFor={id}>
        {field.label} {badge}
      </label>
      {field.type === 'select' ? (
        <select
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => void onSave(field.id, e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{t('ui.subject.select')}</option>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {packLabel(field, 'options', option, locale)}
            </option>
          ))}
        </select>
      ) : (
        <TextInput field={field} value={value} common={common} onSave={onSave} />
      )}
      {help}
    </div>
  );
}

const INPUT_TYPES: Partial<Record<FieldRule['type'], string>> = {
  number: 'number',
  mobile: 'tel',
  email: 'email',
};
const MONO_TYPES = new Set<FieldRule['type']>([
  'uscc',
  'cn-id',
  'ipv4',
  'ipv6',
  'domain',
  'icp-filing-no',
  'icp-licence-no',
]);

function TextInput({
  field,
  value,
  common,
  onSave,
}: {
  field: FieldRule;
  value: FieldValue | undefined;
  common: Record<string, unknown>;
  onSave: RowProps['onSave'];
}) {
  // Returns the save, so a flush before the window closes can wait for it.
  const commit = (text: string) => {
    if (text === '') return onSave(field.id, null);
    // Several values (e.g. domains): one per line; the checker also splits at commas and spaces.
    if (field.multiple) return onSave(field.id, text.split(/[\s,，、;；]+/).filter(Boolean));
    const n = Number(text);
    return onSave(field.id, field.type === 'number' && Number.isFinite(n) ? n : text);
  };
  const shown = Array.isArray(value) ? value.join('\n') : value === undefined || value === null ? '' : String(value);
  // A date reads YYYY-MM-DD whatever the system locale, typed the ways people type it.
  if (field.type === 'date' && !field.multiple) {
    return <DateText {...common} id={String(common.id)} value={shown} onCommit={commit} />;
  }
  return (
    <CommitInput
      {...common}
      multiline={field.type === 'textarea' || field.multiple === true}
      className={MONO_TYPES.has(field.type) ? 'mono' : undefined}
      type={INPUT_TYPES[field.type] ?? 'text'}
      value={shown}
      autoComplete="off"
      spellCheck={false}
      onCommit={commit}
    />
  );
}
