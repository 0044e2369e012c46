// What is wrong with a form's box, under it in the reader's language (the box names it by its id).
import type { FieldProblem } from '../i18n/field-checks.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function FieldProblemText({ id, problem }: { id: string; problem: FieldProblem | undefined }) {
  const { t, date } = useI18n();
  if (!problem) return null;
  const { key, min, max, from, to } = problem;
  return (
    <span id={id} className="field-problem">
      {t(key, {
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
        ...(from !== undefined ? { from: date(from) } : {}),
        ...(to !== undefined ? { to: date(to) } : {}),
      })}
    </span>
  );
}

/** The attributes that tie a box to its problem, for a screen reader. */
export function problemAttributes(id: string, problem: FieldProblem | undefined) {
  return problem ? { 'aria-invalid': true, 'aria-describedby': id } : {};
}
