/**
 * The shell: top navigation, the error line under it, and which screen is showing. Project state is the
 * latest ProjectView returned by any mutation (autosave: there is no Save button).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProjectView, Reply, Settings } from '../../../shared/ipc';
import { translator } from '../../../i18n';
import { call, hasBridge } from '../lib/api';
import { LocaleContext, PackTermsContext, PacketPackContext, useShownView } from '../lib/i18n';
import { RunContext, type Run } from '../lib/run';
import { Home } from '../screens/Home';
import { Workspace } from '../screens/Workspace';
import { BindScreen } from '../screens/BindScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { ProfilesScreen } from '../screens/ProfilesScreen';
import { stepIndexOf } from '../lib/steps';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ShortcutsDialog } from '../components/ShortcutsDialog';
import { pressWhenShown, useCommands } from '../lib/commands';

export type Route = 'home' | 'materials' | 'bind' | 'profiles' | 'settings';
type AppInfo = Reply<'app:info'>;

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [project, setView] = useState<ProjectView | null>(null);
  const [route, setRoute] = useState<Route>('home');
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [shortcuts, setShortcuts] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const locale = settings?.locale ?? 'zh-CN';
  const t = translator(locale);
  // What the screens show: the pack's words in the UI's language (what main sends stays as it is).
  const { view, terms } = useShownView(project, locale);

  const run: Run = useCallback(async (action) => {
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return undefined;
    }
  }, []);

  // 新建 / 打开 act on Home, 装订 / 打印 on the bind screen (which needs an open project).
  useCommands((command) => {
    if (command === 'shortcuts') return setShortcuts(true);
    const home = command === 'new' || command === 'open';
    if (!home && !view) return;
    setRoute(home ? 'home' : 'bind');
    if (command !== 'bind') pressWhenShown(command, command === 'new' ? 'focus' : 'click');
  });

  useEffect(() => {
    if (!hasBridge()) return;
    void run(async () => {
      const [s, i] = await Promise.all([call('settings:get', {}), call('app:info', {})]);
      setSettings(s);
      setInfo(i);
    });
  }, [run]);

  // An error line at the top of the page is out of sight when the user has scrolled down to act.
  useEffect(() => {
    if (error) alertRef.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);

  // A new screen starts at its top with focus on its heading, as a new step does: the scroll position
  // of the screen before means nothing here, and screen-reader users hear where they are.
  const shownRoute = useRef(route);
  useEffect(() => {
    if (shownRoute.current === route) return;
    shownRoute.current = route;
    window.scrollTo(0, 0);
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }, [route]);

  useEffect(() => {
    document.documentElement.lang = locale;
    const screen = route === 'home' ? '' : `${t(`ui.nav.${route}`)} · `;
    document.title = `${screen}${view && route !== 'home' && route !== 'settings' ? `${view.doc.name} · ` : ''}${t('app.name')}`;
  });

  if (!hasBridge()) {
    return (
      <main className="centered">
        <p role="alert">{t('ui.noBridge')}</p>
      </main>
    );
  }
  if (!settings || !info) {
    return (
      <main className="centered">
        <p role="status">{t('ui.loading')}</p>
        {error && <p role="alert">{error}</p>}
      </main>
    );
  }

  const changeSettings = async (next: Settings) => {
    const localeChanged = next.locale !== settings.locale;
    setSettings(next);
    // The check report's messages are in the locale it was made in: fetch it again in the new one.
    if (localeChanged && view) {
      const dir = view.dir;
      const fresh = await run(() => call('project:open', { dir }));
      if (fresh) setView(fresh);
    }
  };
  /** Open a project, at a material's step when one is named (a 三色预警 alert). */
  const openProject = (next: ProjectView, materialId?: string) => {
    setView(next);
    setStep(materialId ? stepIndexOf(next, materialId) : 0);
    setRoute('materials');
  };
  const navItems: Route[] = view
    ? ['home', 'materials', 'bind', 'profiles', 'settings']
    : ['home', 'profiles', 'settings'];

  return (
    <LocaleContext.Provider value={locale}>
      <PackTermsContext.Provider value={terms}>
        <PacketPackContext.Provider value={project?.rulePack ?? null}>
          <RunContext.Provider value={run}>
            <div className="app">
              <header className="topbar">
                <span className="brand">
                  <span aria-hidden="true" className="brand-mark">
                    ▤
                  </span>{' '}
                  {t('app.name')}
                </span>
                {view && <span className="topbar-project">{view.doc.name}</span>}
                <nav aria-label={t('ui.nav.label')} className="topnav">
                  {navItems.map((item) => (
                    <button
                      key={item}
                      type="button"
                      className="navlink"
                      aria-current={route === item ? 'page' : undefined}
                      onClick={() => setRoute(item)}
                    >
                      {t(`ui.nav.${item}`)}
                    </button>
                  ))}
                </nav>
              </header>
              {/* In the flow above the screen, so it never covers a control; scrolled to when it appears. */}
              <div role="alert" ref={alertRef} className={error ? 'alert' : 'alert empty'}>
                {error && (
                  <>
                    <span aria-hidden="true">⚠</span>
                    <span className="alert-text">
                      <strong>{t('ui.errorTitle')}</strong>
                      {error}
                    </span>
                    <button type="button" className="link" onClick={() => setError(null)}>
                      {t('ui.dismiss')}
                    </button>
                  </>
                )}
              </div>
              <ErrorBoundary key={route}>
                {route === 'home' && <Home onOpen={openProject} />}
                {route === 'materials' && view && (
                  <Workspace
                    view={view}
                    onView={setView}
                    step={step}
                    onStep={setStep}
                    onBind={() => setRoute('bind')}
                  />
                )}
                {route === 'bind' && view && (
                  <BindScreen
                    view={view}
                    settings={settings}
                    onView={setView}
                    onJump={(index) => {
                      setStep(index);
                      setRoute('materials');
                    }}
                  />
                )}
                {route === 'profiles' && <ProfilesScreen />}
                {route === 'settings' && (
                  <SettingsScreen settings={settings} info={info} onSettings={(next) => void changeSettings(next)} />
                )}
              </ErrorBoundary>
              {shortcuts && <ShortcutsDialog onClose={() => setShortcuts(false)} />}
            </div>
          </RunContext.Provider>
        </PacketPackContext.Provider>
      </PackTermsContext.Provider>
    </LocaleContext.Provider>
  );
}
