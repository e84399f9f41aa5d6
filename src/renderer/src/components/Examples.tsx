/**
 * What a good submission of a material looks like: a picture drawn by matprep (marked 示例 / SAMPLE,
 * no real person's data) and what is commonly wrong with this kind of paper.
 */
import { useId } from 'react';
import type { MaterialRule } from '../../../core/model/schemas/rules';
import { KIND_MISTAKES, KIND_PICTURES, materialKind, type Picture } from '../../../core/model/rules/kinds';
import { examplePicture } from '../lib/examples';
import { useT } from '../lib/i18n';

export function Examples({ material }: { material: MaterialRule }) {
  const t = useT();
  const id = useId();
  const kind = materialKind(material);
  // An ID card's two pictures are shown in its slots, one per side; here only the list.
  const pictures = material.parts?.length ? [] : KIND_PICTURES[kind];
  // Without a picture here (an ID card's are in its slots) the box is just the list, under its own heading.
  const heading = pictures.length > 0 ? t('ui.examples.title') : t('ui.examples.mistakes');
  return (
    <section className="examples-box" aria-labelledby={`${id}-title`} data-kind={kind}>
      <h3 id={`${id}-title`}>{heading}</h3>
      <div className="examples-body">
        {pictures.map((name) => (
          <ExamplePicture key={name} name={name} />
        ))}
        <div>
          {pictures.length > 0 && <h4>{t('ui.examples.mistakes')}</h4>}
          <ul className="mistakes">
            {KIND_MISTAKES[kind].map((mistake) => (
              <li key={mistake}>{t(`examples.mistake.${mistake}`)}</li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}

/** One example picture with its caption; `name` is a file of assets/examples. */
export function ExamplePicture({ name, compact }: { name: Picture; compact?: boolean }) {
  const t = useT();
  const url = examplePicture(name);
  if (!url) return null;
  return (
    <figure className={`example-picture ${compact ? 'compact' : ''}`}>
      <img src={url} alt={t(`ui.examples.alt.${name}`)} />
      <figcaption>
        <span className="sample-tag">{t('ui.examples.tag')}</span> {t('ui.examples.caption')}
      </figcaption>
    </figure>
  );
}
