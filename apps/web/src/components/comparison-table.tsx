// Plans side by side: one column per plan, one row per figure; a cell that differs from the first
// column is highlighted (and says so to a screen reader), so what changed stands out.
import { useI18n } from '../i18n/i18n.tsx';

export type ComparedRow = { key: string; label: string; values: readonly string[] };

export function ComparisonTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: readonly string[];
  rows: readonly ComparedRow[];
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="comparison">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('compare.figure')}</span>
            </th>
            {columns.map((column) => (
              <th key={column} scope="col" className="num">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key}>
              <th scope="row">{row.label}</th>
              {row.values.map((value, index) => {
                const differs = index > 0 && value !== row.values[0];
                return (
                  <td
                    // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position
                    key={index}
                    className={differs ? 'num diff' : 'num'}
                    data-differs={differs || undefined}
                  >
                    {value}
                    {differs ? <span className="visually-hidden"> ({t('compare.differs')})</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
