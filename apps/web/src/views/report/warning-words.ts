// A warning on a recorded report in the reporter's language, by its code: the API's sentence is
// English and stays with the receipt; a code the app does not know yet still says "check it".
import type { MessageKey } from '../../i18n/vi.ts';

// The API refuses dossiers with no machine or with the site closed (impossible, not unlikely): their
// sentences stand for a report stored before it did, read back with its warnings.
const WARNING_SENTENCES: Record<string, MessageKey> = {
  'above-service-capacity': 'warning.above-service-capacity',
  'dossiers-without-machines': 'warning.dossiers-without-machines',
  'dossiers-while-closed': 'warning.dossiers-while-closed',
  'outside-campaign': 'warning.outside-campaign',
  'machines-above-team': 'warning.machines-above-team',
  'machines-above-bound': 'warning.machines-above-bound',
  'day-above-planned-machines': 'warning.day-above-planned-machines',
  'total-below-team-reports': 'warning.total-below-team-reports',
  'downtime-above-hours-open': 'warning.downtime-above-hours-open',
};

/**
 * The sentence of a warning's code.
 *
 * @example warningWords('outside-campaign') // 'warning.outside-campaign'
 */
export function warningWords(code: string): MessageKey {
  return WARNING_SENTENCES[code] ?? 'warning.other';
}
