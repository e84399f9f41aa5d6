/** Settings: language, binding defaults, and the user's own rule-pack folder. Saved on change. */
import { useId } from 'react';
import type { Reply, Settings } from '../../../shared/ipc';
import { LOCALES, type Locale } from '../../../shared/i18n';
import { call } from '../api';
import { useT } from '../i18n';
import { useRun } from '../run';
import { CommitInput } from '../components/CommitInput';
import { DPI_CHOICES } from '../components/BindOptionsForm';

type Props = { settings: Settings; info: Reply<'app:info'>; onSettings: (settings: Settings) => void };

export function SettingsScreen({ settings, info, onSettings }: Props) {
  const t = useT();
  const run = useRun();
  const id = useId();
  const save = async (patch: Partial<Settings>) => {
    const next = await run(() => call('settings:set', patch));
    if (next) onSettings(next);
  };
  const chooseRulesDir = async () => {
    const chosen = await run(() => call('dialog:chooseFolder', { purpose: 'open' }));
    if (chosen?.dir) await save({ userRulesDir: chosen.dir });
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
        <div className="field">
          <label htmlFor={`${id}-dpi`}>{t('ui.settings.defaultDpi')}</label>
          <select
            id={`${id}-dpi`}
            value={settings.defaultDpi}
            onChange={(e) => void save({ defaultDpi: Number(e.target.value) })}
          >
            {[...new Set([...DPI_CHOICES, settings.defaultDpi])]
              .sort((a, b) => a - b)
              .map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-wm`}>{t('ui.settings.watermarkTemplate')}</label>
          <CommitInput
            id={`${id}-wm`}
            type="text"
            value={settings.watermarkTemplate}
            aria-describedby={`${id}-wm-help`}
            onCommit={(text) => void save({ watermarkTemplate: text })}
          />
          <p className="help" id={`${id}-wm-help`}>
            {t('ui.settings.watermarkHelp')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-pn`}>{t('ui.settings.pageNumberFormat')}</label>
          <CommitInput
            id={`${id}-pn`}
            type="text"
            value={settings.pageNumberFormat}
            aria-describedby={`${id}-pn-help`}
            onCommit={(text) => text && void save({ pageNumberFormat: text })}
          />
          <p className="help" id={`${id}-pn-help`}>
            {t('ui.bind.pageNumberHelp')}
          </p>
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
