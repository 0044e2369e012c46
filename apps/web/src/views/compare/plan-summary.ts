// The figures two plans are compared on, read from a plan's totals; one fragment for what-if and
// comparison so both show the same rows.

import type { ComparedRow } from '../../components/comparison-table.tsx';
import type { PlanSummaryFragment } from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import type { I18n } from '../../i18n/i18n.tsx';
import { machinesText } from '../plan/machines-text.ts';

export const PlanSummary = graphql(`
  fragment PlanSummary on CampaignPlan {
    completionDate
    totals {
      demand
      machines
      machinesNeeded
      machineDays
      dailyTarget
      daysNeeded
      status
      meetsDeadline
    }
  }
`);

/** Rows of a comparison of `plans`, in the reader's language. */
export function summaryRows(i18n: I18n, plans: readonly (PlanSummaryFragment | null)[]): ComparedRow[] {
  const { t, n, date } = i18n;
  const dash = (value: number | null | undefined, digits = 0) =>
    value === null || value === undefined ? '—' : n(value, digits);
  // A plan that was refused shows dashes in its column.
  const each = (read: (plan: PlanSummaryFragment) => string) =>
    plans.map((plan) => (plan ? read(plan) : '—'));
  return [
    {
      key: 'completion',
      label: t('col.completion'),
      values: each((p) => (p.completionDate ? date(p.completionDate) : '—')),
    },
    { key: 'status', label: t('col.status'), values: each((p) => t(`status.${p.totals.status}`)) },
    {
      key: 'machines',
      label: t('col.machines'),
      values: each((p) => machinesText(i18n, p.totals)),
    },
    { key: 'machineDays', label: t('col.machineDays'), values: each((p) => dash(p.totals.machineDays)) },
    { key: 'daysNeeded', label: t('col.daysNeeded'), values: each((p) => dash(p.totals.daysNeeded)) },
    { key: 'dailyTarget', label: t('col.dailyTarget'), values: each((p) => dash(p.totals.dailyTarget)) },
    { key: 'demand', label: t('col.demand'), values: each((p) => dash(p.totals.demand)) },
  ];
}
