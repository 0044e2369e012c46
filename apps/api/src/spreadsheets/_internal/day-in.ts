// A calendar day as a sheet's reader writes it, for the sentences and the About sheet (date
// cells keep their own `yyyy-mm-dd` format).
import type { SheetLanguage } from '../sheet-kind.ts';

/**
 * An ISO day as the reader writes it: day/month/year in Vietnamese, the ISO day itself (as the
 * sheets write dates) in English.
 *
 * @example dayIn('2021-07-22', 'vi') // '22/07/2021'
 */
export function dayIn(iso: string, language: SheetLanguage): string {
  if (language === 'en') return iso;
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}
