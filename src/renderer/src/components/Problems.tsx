/** A list of check problems, each with its fix hint. */
import type { Problem } from '../../../core/check/report';

export function Problems({ problems, id }: { problems: Problem[]; id?: string }) {
  if (problems.length === 0) return null;
  return (
    <ul className="problems" id={id}>
      {problems.map((problem, i) => (
        <li key={`${problem.code}-${i}`} className={`problem problem-${problem.severity}`}>
          <span aria-hidden="true" className="problem-icon">
            {problem.severity === 'error' ? '✕' : '!'}
          </span>
          <span>
            {problem.message}
            {problem.hint && <span className="hint"> {problem.hint}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
