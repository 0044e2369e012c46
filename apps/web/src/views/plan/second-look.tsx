// A compact card of what plan vs actual says is worth a second look (the pace, days and reports
// to check), shown only when there is something.
import type { SecondLookFragment } from '../../gql/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { secondLookWords } from './second-look-words.ts';

export function SecondLookCard({
  compared,
  areaName,
}: {
  compared: SecondLookFragment;
  /** The name of an area of the plan, by its code. */
  areaName: (code: string) => string;
}) {
  const i18n = useI18n();
  const { lines, more } = secondLookWords(i18n, compared, areaName);
  if (lines.length === 0) return null;
  // Two lines may read alike (reports the caller may not see are named by what to check alone):
  // each keyed by its text and how many alike came before it.
  const alike = new Map<string, number>();
  const keyed = lines.map((line) => {
    const count = (alike.get(line) ?? 0) + 1;
    alike.set(line, count);
    return { line, key: `${line}#${count}` };
  });
  return (
    <section className="card second-look" data-testid="second-look" aria-labelledby="second-look-title">
      <h2 id="second-look-title">{i18n.t('secondLook.title')}</h2>
      <ul>
        {keyed.map(({ line, key }) => (
          <li key={key}>{line}</li>
        ))}
      </ul>
      {more ? <p className="muted">{more}</p> : null}
    </section>
  );
}
