import type { AreaStatus } from '../gql/graphql.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Where an area stands, in words and colour (the colour is never the only sign). */
export function StatusBadge({ status }: { status: AreaStatus }) {
  const { t } = useI18n();
  return <span className={`status status-${status}`}>{t(`status.${status}`)}</span>;
}

/** The colours of the map, by status: the same as the badges. */
export const STATUS_COLOURS: Record<AreaStatus, string> = {
  ON_TIME: '#15803d',
  SIZED: '#15803d',
  LATE: '#b91c1c',
  BEYOND_HORIZON: '#b91c1c',
  NO_MACHINES: '#a16207',
  NO_CAPACITY: '#a16207',
  NOTHING_TO_DO: '#6b7280',
};
