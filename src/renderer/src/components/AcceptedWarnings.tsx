/**
 * Warnings the clerk accepted (已查看，仍使用), shown muted as "已确认：…" with an undo, so what was
 * decided stays in sight; and `acceptRequest`, the request that accepts or undoes one of them.
 */
import type { Problem } from '../../../core/model/schemas/check-report';
import type { Request } from '../../../shared/ipc';
import { useT, useWordProblem } from '../lib/i18n';

/** The request for one warning: by its code and, for a file's warning, that file only. */
export function acceptRequest(
  dir: string,
  materialId: string,
  problem: Problem,
  undo = false,
): Request<'project:acceptWarning'> {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const sha256 = text(problem.params.sha256);
  return {
    dir,
    materialId,
    code: problem.code,
    file: text(problem.params.file),
    ...(sha256 ? { sha256 } : {}),
    ...(undo ? { undo } : {}),
  };
}

/** `inline`: inside a file's row, as paragraphs, as Problems does there. */
export function AcceptedWarnings({
  problems,
  onUndo,
  inline,
}: {
  problems: Problem[];
  onUndo: (problem: Problem) => void;
  inline?: boolean;
}) {
  const t = useT();
  const word = useWordProblem();
  if (problems.length === 0) return null;
  const [List, Item] = inline ? (['div', 'p'] as const) : (['ul', 'li'] as const);
  return (
    <List className="problems accepted-warnings" data-testid="accepted-warnings">
      {problems.map((problem, i) => {
        const { message } = word(problem);
        return (
          <Item key={`${problem.code}-${i}`} className="problem problem-accepted">
            <span aria-hidden="true" className="problem-icon">
              ✓
            </span>
            <span>
              {t('ui.accept.done', { message })}{' '}
              <button
                type="button"
                className="link"
                aria-label={t('ui.accept.undoFor', { message })}
                onClick={() => onUndo(problem)}
              >
                {t('ui.accept.undo')}
              </button>
            </span>
          </Item>
        );
      })}
    </List>
  );
}
