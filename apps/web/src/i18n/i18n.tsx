// The reader's language: Vietnamese by default, English on request, kept on the device. Every
// string comes from a catalogue (vi.ts, en.ts); numbers and dates from format.ts.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { deviceStore } from '../session/device-store.ts';
import { en } from './en.ts';
import {
  type DateStyle,
  formatDate,
  formatInstant,
  formatMonth,
  formatNumber,
  formatPercent,
  formatWeekday,
  LOCALES,
  type Locale,
} from './format.ts';
import { type MessageKey, vi } from './vi.ts';

/**
 * A message whose words follow a number (English `1 day`, `2 days`; Vietnamese has one form):
 * `count` names the parameter, and each form is chosen by its plural category in the locale
 * (Intl.PluralRules), `other` when the locale's category has none of its own.
 */
export type PluralMessage = { count: string; one?: string; other: string };

export type Message = string | PluralMessage;

const CATALOGUES: Record<Locale, Record<MessageKey, Message>> = { vi, en };

export type Params = Record<string, string | number>;

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The form of `message` for its count in `params`. */
function formOf(locale: Locale, message: Message, params: Params | undefined): string {
  if (typeof message === 'string') return message;
  // A count passed already written (`String(3)`) counts as well.
  const count = Number(params?.[message.count]);
  if (!Number.isFinite(count)) return message.other;
  let rules = pluralRules.get(locale);
  if (!rules) {
    // The form follows the number as shown (formatNumber's two decimals: 1.004 is `1 hour`).
    rules = new Intl.PluralRules(locale, { maximumFractionDigits: 2 });
    pluralRules.set(locale, rules);
  }
  return rules.select(count) === 'one' ? (message.one ?? message.other) : message.other;
}

export type I18n = {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** The message `key` with `{name}` placeholders filled (numbers formatted in the locale). */
  t(key: MessageKey, params?: Params): string;
  n(value: number, digits?: number): string;
  pct(share: number, digits?: number): string;
  date(isoDate: string, style?: DateStyle): string;
  month(isoDate: string): string;
  weekday(isoDate: string): string;
  instant(isoInstant: string, timeZone: string): string;
};

const I18nContext = createContext<I18n | null>(null);

function storedLocale(): Locale {
  const stored = deviceStore.get<string>('locale');
  return LOCALES.find((locale) => locale === stored) ?? 'vi';
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const message = formOf(locale, CATALOGUES[locale][key], params);
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value, 2) : value;
  });
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const setLocale = useCallback((next: Locale) => {
    deviceStore.set('locale', next);
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      n: (value, digits) => formatNumber(locale, value, digits),
      pct: (share, digits) => formatPercent(locale, share, digits),
      date: (isoDate, style) => formatDate(locale, isoDate, style),
      month: (isoDate) => formatMonth(locale, isoDate),
      weekday: (isoDate) => formatWeekday(locale, isoDate),
      instant: (isoInstant, timeZone) => formatInstant(locale, isoInstant, timeZone),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
