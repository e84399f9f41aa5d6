/** Settings: language, binding defaults, and the user's own rule-pack folder. Saved on change. */
import { useId, useState } from 'react';
import type { Reply, Settings } from '../../../shared/ipc';
import { LOCALES, type Locale } from '../../../i18n';
import { call } from '../lib/api';
import { useT } from '../lib/i18n';
import { useRun } from '../lib/run';
import { DpiField } from '../components/SettingFields';
import { SAMPLE_TOTAL } from '../components/TemplatePreview';
import { TemplatePicker } from '../components/TemplatePicker';
import { fillWatermarkWith } from '../../../core/model/packet/select';
import { footerText } from '../../../core/model/packet/stamp-text';

type Props = { settings: Settings; info: Reply<'app:info'>; onSettings: (settings: Settings) => void };

export function SettingsScreen({ settings, info, onSettings }: Props) {
  const t = useT();
  const run = useRun();
  const id = useId();
  // The watermark styles are shown filled in with example values: Settings has no project.
  const sample = { applicant: t('ui.settings.sampleApplicant'), purpose: t('ui.settings.samplePurpose') };
  const save = async (patch: Partial<Settings>) => {
    const next = await run(() => call('settings:set', patch));
    if (next) onSettings(next);
  };
  // Main opens the dialog and stores the folder itself: the renderer never sends a rules path.
  const chooseRulesDir = async () => {
    const chosen = await run(() => call('dialog:chooseFolder', { purpose: 'rules' }));
    if (!chosen?.dir) return;
    const next = await run(() => call('settings:get', {}));
    if (next) onSettings(next);
  };
  // Where new projects go, as main resolves it (the chosen folder, or Documents/matprep).
  const [projectsDir, setProjectsDir] = useState(info.projectsDir);
  const changeProjectsDir = async (reset: boolean) => {
    if (reset) await save({ projectsDir: '' });
    else if (!(await run(() => call('dialog:chooseFolder', { purpose: 'projects' })))?.dir) return;
    const [next, fresh] = (await run(() => Promise.all([call('settings:get', {}), call('app:info', {})]))) ?? [];
    if (next) onSettings(next);
    if (fresh) setProjectsDir(fresh.projectsDir);
  };

  return (
    <main className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('ui.settings.title')}</h1>
      <div className="card">
        <div className="field">
          <label htmlFor={`${id}-lang`}>{t('ui.settings.language')}</label>
          <select
            id={`${id}-lang`}
            value={settings.locale}
            onChange={(e) => void save({ locale: e.target.value as Locale })}
          >
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {t(`ui.settings.lang.${locale}`)}
              </option>
            ))}
          </select>
        </div>
        <p className="help-text">{t('ui.settings.defaultsIntro')}</p>
        <DpiField
          id={`${id}-dpi`}
          label={t('ui.settings.defaultDpi')}
          value={settings.defaultDpi}
          onChange={(value) => void save({ defaultDpi: value })}
        />
        <TemplatePicker
          id={`${id}-wm`}
          kind="watermark"
          label={t('ui.settings.watermarkTemplate')}
          help={t('ui.settings.watermarkHelp', { purpose: sample.purpose, applicant: sample.applicant })}
          value={settings.watermarkTemplate}
          sample={(text) => fillWatermarkWith(text, sample)}
          onCommit={(watermarkTemplate) => void save({ watermarkTemplate })}
        />
        <TemplatePicker
          id={`${id}-pn`}
          kind="pageNumber"
          label={t('ui.settings.pageNumberFormat')}
          help={t('ui.bind.pageNumberHelp', { total: SAMPLE_TOTAL })}
          value={settings.pageNumberFormat}
          sample={(format) => footerText(format, 1, SAMPLE_TOTAL)}
          onCommit={(pageNumberFormat) => void save({ pageNumberFormat })}
        />
        <div className="field">
          <label htmlFor={`${id}-projects`}>{t('ui.settings.projectsDir')}</label>
          <input
            id={`${id}-projects`}
            type="text"
            className="mono"
            readOnly
            value={projectsDir}
            aria-describedby={`${id}-projects-hint`}
          />
          <p id={`${id}-projects-hint`} className="help-text">
            {t('ui.settings.projectsDirHint')}
          </p>
          <div className="row">
            <button type="button" onClick={() => void changeProjectsDir(false)}>
              {t('ui.settings.changeProjectsDir')}
            </button>
            {settings.projectsDir && (
              <button type="button" onClick={() => void changeProjectsDir(true)}>
                {t('ui.settings.resetProjectsDir')}
              </button>
            )}
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-rules`}>{t('ui.settings.userRulesDir')}</label>
          <input
            id={`${id}-rules`}
            type="text"
            className="mono"
            readOnly
            value={settings.userRulesDir || ''}
            placeholder={t('ui.settings.userRulesNone')}
          />
          <div className="row">
            <button type="button" onClick={() => void chooseRulesDir()}>
              {t('ui.settings.choose')}
            </button>
            {settings.userRulesDir && (
              <button type="button" onClick={() => void save({ userRulesDir: '' })}>
                {t('ui.settings.clear')}
              </button>
            )}
          </div>
        </div>
      </div>
      <section className="card" aria-labelledby={`${id}-about`}>
        <h2 id={`${id}-about`}>{t('ui.settings.about')}</h2>
        <p>{t('ui.settings.version', { version: info.version, platform: info.platform })}</p>
      </section>
    </main>
  );
}
