// Yes and no in words, in the sheet's language: a template's "required" column, a Vietnamese CSV's
// booleans.
import type { SheetLanguage } from '../sheet-kind.ts';

const YES_NO: Readonly<Record<SheetLanguage, readonly [yes: string, no: string]>> = {
  vi: ['có', 'không'],
  en: ['yes', 'no'],
};

/**
 * `value` as a word of the sheet's language.
 *
 * @example yesNo(false, 'vi') // 'không'
 */
export function yesNo(value: boolean, language: SheetLanguage): string {
  return YES_NO[language][value ? 0 : 1];
}
