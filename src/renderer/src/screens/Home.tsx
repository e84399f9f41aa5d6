/** Home: recent projects, open a folder, or create a project from a rule pack. */
import { useEffect, useId, useState } from 'react';
import type { ProjectView, RecentProject } from '../../../shared/ipc';
import type { RulePackSummary } from '../../../core/model/schemas/rules';
import { searchRulePacks } from '../../../core/model/rules/search';
import { call } from '../lib/api';
import { useLocale, useT } from '../lib/i18n';
import { packText } from '../../../core/model/rules/text';
import { useRun } from '../lib/run';
import type { Profile } from '../../../core/model/schemas/profiles';
import { AlertsPanel } from '../components/AlertsPanel';
import { SettingsResetNotice } from '../components/SettingsResetNotice';
import { RecentProjects } from '../components/RecentProjects';
import { OpenProblem, openFailureOf, type OpenFailure } from '../components/OpenProblem';

type Props = { onOpen: (view: ProjectView, materialId?: string) => void };

export function Home({ onOpen }: Props) {
  const t = useT();
  const locale = useLocale();
  const run = useRun();
  const [recent, setRecent] = useState<RecentProject[] | null>(null);
  const [packs, setPacks] = useState<RulePackSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [ruleId, setRuleId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [hint, setHint] = useState('');
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [profileId, setProfileId] = useState('');
  const [projectsDir, setProjectsDir] = useState('');
  const [failure, setFailure] = useState<OpenFailure | null>(null);
  const nameId = useId();
  const profileSelectId = useId();
  const searchId = useId();

  useEffect(() => {
    void run(async () => {
      const [r, p, pr, info] = await Promise.all([
        call('recent:list', {}),
        call('rules:list', {}),
        call('profiles:list', {}),
        call('app:info', {}),
      ]);
      setRecent(r);
      setPacks(p);
      setProfiles(pr);
      setProjectsDir(info.projectsDir);
    });
  }, [run]);

  const open = async (dir: string, materialId?: string) => {
    setFailure(null);
    const view = await run(async () => {
      try {
        return await call('project:open', { dir });
      } catch (error) {
        // Not a project, or a damaged one: said below with the button that fixes it, not as a bare error.
        const known = openFailureOf(error, dir);
        if (!known) throw error;
        setFailure(known);
        return undefined;
      }
    });
    if (view) onOpen(view, materialId);
  };
  const openFolder = async () => {
    const chosen = await run(() => call('dialog:chooseFolder', { purpose: 'open' }));
    if (chosen?.dir) await open(chosen.dir);
  };
  /**
   * In `target` (a folder already chosen: 在此文件夹新建项目), else in a new folder under the projects
   * folder, or (`elsewhere`) in a folder the user picks.
   */
  const create = async (elsewhere = false, target?: string) => {
    if (!ruleId) {
      setHint(t('ui.home.chooseRuleFirst'));
      if (target) document.getElementById(searchId)?.focus();
      return;
    }
    setHint('');
    let dir: string | undefined = target;
    if (!dir && elsewhere) {
      const chosen = await run(() => call('dialog:chooseFolder', { purpose: 'create' }));
      if (!chosen?.dir) return;
      dir = chosen.dir;
    }
    const view = await run(async () => {
      // Binding options the project does not set come from Settings at bind time (core), so none are copied here.
      const request = { ruleId, name: name.trim() || undefined };
      const created = await (dir
        ? call('project:create', { ...request, dir })
        : call('project:createDefault', request));
      // The chosen company profile fills the subject fields and attaches its library documents.
      return profileId ? call('profiles:apply', { dir: created.dir, profileId }) : created;
    });
    if (view) onOpen(view);
  };

  const shown = searchRulePacks(packs ?? [], query);
  const pick = (id: string) => {
    setRuleId(id);
    // "Choose a type first" is answered once a type is chosen.
    setHint('');
  };

  return (
    <main className="home" aria-labelledby="home-title">
      <div className="home-head">
        <h1 id="home-title">{t('ui.home.title')}</h1>
        <p className="intro">{t('ui.home.intro')}</p>
      </div>
      <SettingsResetNotice />
      <AlertsPanel onOpenAt={(dir, materialId) => void open(dir, materialId)} />
      <div className="home-columns">
        <section className="card" aria-labelledby="recent-title">
          <h2 id="recent-title">{t('ui.home.recent')}</h2>
          {recent === null ? (
            <p role="status">{t('ui.loading')}</p>
          ) : recent.length === 0 ? (
            <p className="empty-note">{t('ui.home.recentEmpty')}</p>
          ) : (
            <RecentProjects
              recent={recent}
              onRecent={setRecent}
              onOpen={(dir) => void open(dir)}
              onCopied={(view) => onOpen(view)}
            />
          )}
          <button type="button" data-command="open" onClick={() => void openFolder()}>
            {t('ui.home.openFolder')}
          </button>
          {failure && (
            <OpenProblem
              failure={failure}
              onCreateHere={() => void create(false, failure.dir)}
              onOpen={(view) => onOpen(view)}
            />
          )}
        </section>

        <section className="card new-project" aria-labelledby="new-title">
          <h2 id="new-title">{t('ui.home.new')}</h2>
          <h3>{t('ui.home.step1')}</h3>
          <label htmlFor={searchId} className="visually-hidden">
            {t('ui.home.search')}
          </label>
          <input
            id={searchId}
            data-command="new"
            type="search"
            className="search"
            value={query}
            placeholder={t('ui.home.searchPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
          />
          <fieldset className="packs">
            <legend className="visually-hidden">{t('ui.home.rulesLabel')}</legend>
            {packs === null && <p role="status">{t('ui.loading')}</p>}
            {packs !== null && shown.length === 0 && <p className="empty-note">{t('ui.home.noRules')}</p>}
            {shown.map((pack) => {
              const broken = pack.errors.length > 0;
              return (
                <label
                  key={pack.id}
                  className={`pack ${ruleId === pack.id ? 'selected' : ''} ${broken ? 'broken' : ''}`}
                >
                  <input
                    type="radio"
                    name="rule-pack"
                    value={pack.id}
                    checked={ruleId === pack.id}
                    disabled={broken}
                    onChange={() => pick(pack.id)}
                  />
                  <span className="pack-body">
                    <span className="pack-name">{packText(pack, 'title', locale)}</span>
                    {pack.description && (
                      <span className="pack-description">{packText(pack, 'description', locale)}</span>
                    )}
                    <span className="pack-meta">
                      {t('ui.home.ruleMeta', {
                        authority: packText(pack, 'authority', locale),
                        version: pack.version,
                        effective: pack.effective,
                      })}
                      {pack.origin === 'user' && ` · ${t('ui.home.ruleUser')}`}
                    </span>
                    {broken && (
                      <span className="pack-errors">{t('ui.home.ruleErrors', { errors: pack.errors.join('；') })}</span>
                    )}
                  </span>
                </label>
              );
            })}
          </fieldset>
          <h3>
            <label htmlFor={nameId}>{t('ui.home.step2')}</label>
          </h3>
          <input
            id={nameId}
            type="text"
            value={name}
            placeholder={t('ui.home.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
          {profiles.length > 0 && (
            <>
              <h3>
                <label htmlFor={profileSelectId}>{t('ui.home.useProfile')}</label>
              </h3>
              <select id={profileSelectId} value={profileId} onChange={(e) => setProfileId(e.target.value)}>
                <option value="">{t('ui.home.noProfile')}</option>
                {profiles.map((profile) => (
                  <option key={profile.id} value={profile.id}>
                    {t('ui.home.profileOption', { name: profile.name, count: profile.library.length })}
                  </option>
                ))}
              </select>
            </>
          )}
          <h3>{t('ui.home.step3')}</h3>
          <div className="create-row">
            <button type="button" className="primary" onClick={() => void create()}>
              {t('ui.home.create')}
            </button>
            <button type="button" onClick={() => void create(true)}>
              {t('ui.home.chooseElsewhere')}
            </button>
          </div>
          {projectsDir && <p className="help-text saved-in">{t('ui.home.savedIn', { dir: projectsDir })}</p>}
          <p role="status" className="status-line">
            {hint}
          </p>
        </section>
      </div>
    </main>
  );
}
