/**
 * A list of check problems, each with its fix hint. Something still to do (a box to tick, a date to
 * enter) is shown as a to-do, not in red: red is for what is wrong with a file.
 */
import { isUnfinished, type Problem } from '../../../core/model/schemas/check-report';
import { useWordProblem } from '../lib/i18n';

export function Problems({ problems, id }: { problems: Problem[]; id?: string }) {
  const word = useWordProblem();
  if (problems.length === 0) return null;
  return (
    <ul className="problems" id={id}>
      {problems.map((problem, i) => {
        const kind = isUnfinished(problem) ? 'todo' : problem.severity;
        const { message, hint } = word(problem);
        return (
          <li key={`${problem.code}-${i}`} className={`problem problem-${kind}`}>
            <span aria-hidden="true" className="problem-icon">
              {ICONS[kind]}
            </span>
            <span>
              {message}
              {hint && <span className="hint"> {hint}</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

const ICONS = { error: '✕', warning: '!', todo: '☐' } as const;
