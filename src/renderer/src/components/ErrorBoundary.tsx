/**
 * If a screen fails to render, say so in one line and offer a way back, instead of a blank window.
 * The project on disk is untouched by a rendering error, so reloading is always safe.
 */
import { Component, type ReactNode } from 'react';
import { t } from '../../../i18n';
import { LocaleContext } from '../lib/i18n';

type State = { error: Error | null };

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  static override contextType = LocaleContext;
  declare context: React.ContextType<typeof LocaleContext>;
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const locale = this.context;
    return (
      <main className="centered">
        <div className="card crash" role="alert">
          <p>{t(locale, 'ui.crash', { detail: this.state.error.message })}</p>
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            {t(locale, 'ui.reload')}
          </button>
        </div>
      </main>
    );
  }
}
