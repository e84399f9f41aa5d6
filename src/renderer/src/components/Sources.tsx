/**
 * 依据: what a material's rule rests on, each cited shorthand ("H1", "L4 第18条") shown with the title
 * the pack gives it. Links are plain text: the app opens nothing remote.
 */
import { citedSources } from '../../../core/rules/sources';
import { useT } from '../i18n';

export function Sources({ sources, cited }: { sources: string[]; cited?: string }) {
  const t = useT();
  const list = citedSources(sources, cited);
  if (list.length === 0) return null;
  return (
    <div className="sources">
      <h3>{t('ui.material.sources')}</h3>
      <ul>
        {list.map((source) => (
          <li key={source.ref}>
            <span className="source-ref">{source.ref}</span>{' '}
            {source.title && <span className="source-title">{source.title}</span>}
            {source.url && <span className="source-url">{source.url}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
