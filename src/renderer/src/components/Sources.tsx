/**
 * 依据: what a material's rule rests on, by the titles the pack gives its sources (a shorthand like
 * "H1" only where it resolves to nothing). Collapsed, so it does not push 添加文件 down; the links
 * inside are plain text: the app opens nothing remote.
 */
import { citedSources } from '../../../core/model/rules/sources';
import { useT } from '../lib/i18n';

export function Sources({ sources, cited }: { sources: string[]; cited?: string }) {
  const t = useT();
  const list = citedSources(sources, cited);
  if (list.length === 0) return null;
  return (
    <details className="sources">
      <summary>{t('ui.material.sourcesCount', { count: list.length })}</summary>
      <ul>
        {list.map((source) => (
          <li key={source.ref}>
            <span className="source-title">
              {source.title ? [source.title, source.detail].filter(Boolean).join(' ') : source.ref}
            </span>
            {source.url && <span className="source-url">{source.url}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}
