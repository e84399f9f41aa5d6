/**
 * Told once, on Home: the app's own file (settings, recent projects, company profiles) was damaged
 * and replaced by defaults, and where its old content was kept. Main hands the news out only once.
 */
import { useEffect, useId, useState } from 'react';
import type { Reply } from '../../../shared/ipc';
import { call } from '../lib/api';
import { useT } from '../lib/i18n';
import { useRun } from '../lib/run';

type Reset = NonNullable<Reply<'app:notices'>['settingsReset']>;

export function SettingsResetNotice() {
  const t = useT();
  const run = useRun();
  const id = useId();
  const [reset, setReset] = useState<Reset | null>(null);

  useEffect(() => {
    void run(() => call('app:notices', {})).then((notices) => {
      // Taken on read: a second ask (Home shown again) answers null, which must not hide an unread notice.
      if (notices?.settingsReset) setReset(notices.settingsReset);
    });
  }, [run]);

  if (!reset) return null;
  return (
    <section className="card notice-warning" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <span aria-hidden="true">⚠</span> {t('ui.home.reset.title')}
      </h2>
      <p>{t('ui.home.reset.text')}</p>
      <p>
        {t('ui.home.reset.backup')} <span className="mono">{reset.backup}</span>
      </p>
      {/* The parser's reason (a JSON position) is not the user's business: what was lost and where the old file is. */}
      <button type="button" onClick={() => setReset(null)}>
        {t('ui.home.reset.ok')}
      </button>
    </section>
  );
}
