// Headline figures as a description list: each label beside its value, read in order by a screen reader.
import type { ReactNode } from 'react';

export type Figure = { label: string; value: ReactNode; changed?: boolean; testId?: string };

export function Figures({ items }: { items: readonly Figure[] }) {
  return (
    <dl className="figures">
      {items.map((item) => (
        <div key={item.label}>
          <dt>{item.label}</dt>
          <dd className={item.changed ? 'diff' : undefined} data-testid={item.testId}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
