/**
 * A list of check problems, each with its fix hint. Something still to do (a box to tick, a date to
 * enter) is shown as a to-do, not in red: red is for what is wrong with a file.
 */
import { isUnfinished, type Problem } from '../../../core/model/schemas/check-report';
import { useWordProblem } from '../lib/i18n';

/** `inline`: inside a list item (a file's row), as paragraphs, so the row stays one item of its list. */
export function Problems({ problems, id, inline }: { problems: Problem[]; id?: string; inline?: boolean }) {
  const word = useWordProblem();
  if (problems.length === 0) return null;
  const [List, Item] = inline ? (['div', 'p'] as const) : (['ul', 'li'] as const);
  return (
    <List className="problems" id={id}>
      {problems.map((problem, i) => {
        const kind = isUnfinished(problem) ? 'todo' : problem.severity;
        const { message, hint } = word(problem);
        return (
          <Item key={`${problem.code}-${i}`} className={`problem problem-${kind}`}>
            <span aria-hidden="true" className="problem-icon">
              {ICONS[kind]}
            </span>
            <span>
              {message}
              {hint && <span className="hint"> {hint}</span>}
            </span>
          </Item>
        );
      })}
    </List>
  );
}

const ICONS = { error: '✕', warning: '!', todo: '☐' } as const;
