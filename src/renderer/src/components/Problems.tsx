/**
 * A list of check problems, each with its fix hint. Something still to do (a box to tick, a date to
 * enter) is shown as a to-do, not in red: red is for what is wrong with a file. Given `onAccept`, a
 * warning the clerk may accept as it is (a photo's reflection) offers 已查看，仍使用.
 */
import { useId } from 'react';
import { isAcceptable, isUnfinished, type Problem } from '../../../core/model/schemas/check-report';
import { useT, useWordProblem } from '../lib/i18n';

/** `inline`: inside a list item (a file's row), as paragraphs, so the row stays one item of its list. */
export function Problems({
  problems,
  id,
  inline,
  onAccept,
}: {
  problems: Problem[];
  id?: string;
  inline?: boolean;
  onAccept?: (problem: Problem) => void;
}) {
  const t = useT();
  const word = useWordProblem();
  const base = useId();
  if (problems.length === 0) return null;
  const [List, Item] = inline ? (['div', 'p'] as const) : (['ul', 'li'] as const);
  return (
    <List className="problems" id={id}>
      {problems.map((problem, i) => {
        const kind = isUnfinished(problem) ? 'todo' : problem.severity;
        const { message, hint } = word(problem);
        const textId = `${base}-${i}`;
        return (
          <Item key={`${problem.code}-${i}`} className={`problem problem-${kind}`}>
            <span aria-hidden="true" className="problem-icon">
              {ICONS[kind]}
            </span>
            <span id={textId}>
              {message}
              {hint && <span className="hint"> {hint}</span>}
            </span>
            {onAccept && isAcceptable(problem) && (
              // The same words on every such button; which warning it takes is its description.
              <button
                type="button"
                className="accept-warning"
                aria-describedby={textId}
                onClick={() => onAccept(problem)}
              >
                {t('ui.accept.button')}
              </button>
            )}
          </Item>
        );
      })}
    </List>
  );
}

const ICONS = { error: '✕', warning: '!', todo: '☐' } as const;
