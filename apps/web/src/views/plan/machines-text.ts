// An area's machines as a plan shows them. An area is given machines (its own allocation) or, where
// none is given, the plan says how many it needs out of its parent's: the two are never written the
// same way, so a column of districts' given machines and communes' needs reads right.
import type { I18n } from '../../i18n/i18n.tsx';

/**
 * The machines given, else those needed marked as needed ("cần 1", "1 needed"), else a dash.
 *
 * @example machinesText(vi, { machines: null, machinesNeeded: 1 }) // 'cần 1'
 */
export function machinesText(
  { t, n }: Pick<I18n, 't' | 'n'>,
  area: { machines?: number | null; machinesNeeded?: number | null },
): string {
  if (area.machines != null) return n(area.machines);
  if (area.machinesNeeded != null) return t('machines.needed', { count: area.machinesNeeded });
  return '—';
}
