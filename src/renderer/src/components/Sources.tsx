/**
 * 依据: what a material's rule rests on, by the titles the pack gives its sources (a shorthand like
 * "H1" only where it resolves to nothing). Collapsed, so it does not push 添加文件 down. An https link
 * opens in the browser through main, which opens only links a built-in pack cites.
 */
import { citedSources } from '../../../core/model/rules/sources';
import { call } from '../lib/api';
import { useT } from '../lib/i18n';
import { useRun } from '../lib/run';

export function Sources({ sources, cited }: { sources: string[]; cited?: string }) {
  const t = useT();
  const run = useRun();
  const list = citedSources(sources, cited);
  if (list.length === 0) return null;
  return (
    <details className="sources">
      <summary>{t('ui.material.sourcesCount', { count: list.length })}</summary>
      <ul>
        {list.map((source) => {
          const title = source.title ? [source.title, source.detail].filter(Boolean).join(' ') : source.ref;
          const url = source.url;
          return (
            <li key={source.ref}>
              <span className="source-title">{title}</span>
              {url?.startsWith('https://') ? (
                <button
                  type="button"
                  className="link source-url"
                  aria-label={t('ui.sources.open', { title })}
                  title={url}
                  onClick={() => void run(() => call('shell:openExternal', { url }))}
                >
                  {t('ui.sources.openShort')}
                </button>
              ) : (
                url && <span className="source-url">{url}</span>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
