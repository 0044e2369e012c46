// The what-if form as the planner types it: figures in the reader's way of writing them (3,5 in
// Vietnamese, 3.5 in English), read back with a comma or a point, and every box checked before the
// service is asked, so a wrong box is named under it in the reader's language.
import {
  checkHours,
  type FieldProblem,
  MAX_MACHINES_PER_AREA,
  MINUTES_PER_DOSSIER,
  readNumber,
} from '../../i18n/field-checks.ts';
import { formatBoxNumber, type Locale } from '../../i18n/format.ts';
import type { WhatIfEdits } from './campaign-input.ts';

export type WhatIfTexts = {
  open: string;
  close: string;
  minutesPerDossier: string;
  availabilityPercent: string;
  /** Blank: the stored shares. */
  turnoutPercent: string;
  /** Per area code; blank: no allocation of its own. */
  machines: Record<string, string>;
};

/** A box of the form: `open`, `minutesPerDossier`, …, or `machines-<area code>`. */
export type WhatIfBox = Exclude<keyof WhatIfTexts, 'machines'> | `machines-${string}`;

/**
 * The edits as the form shows them, numbers written in `locale`.
 *
 * @example whatIfTextsOf({ open: '05:00', close: '24:00', minutesPerDossier: 3.5, availability: 1,
 *   turnout: null, machines: { '67': 24 } }, 'vi').minutesPerDossier // '3,5'
 */
export function whatIfTextsOf(edits: WhatIfEdits, locale: Locale): WhatIfTexts {
  const written = (value: number) => formatBoxNumber(locale, value);
  return {
    open: edits.open,
    close: edits.close,
    minutesPerDossier: written(edits.minutesPerDossier),
    availabilityPercent: written(Math.round(edits.availability * 1000) / 10),
    turnoutPercent: edits.turnout === null ? '' : written(Math.round(edits.turnout * 1000) / 10),
    machines: Object.fromEntries(Object.entries(edits.machines).map(([code, m]) => [code, String(m)])),
  };
}

/**
 * The form read back: the edits, or each wrong box and why. A figure whose box still shows what
 * `whatIfTextsOf` wrote for `stored` keeps the stored number (the box shows 5,18 of 1440/278; an
 * untouched box must not plan, or save, 5.18).
 *
 * @example readWhatIfForm({ ...texts, open: '25:00' })
 * // { ok: false, problems: { open: { key: 'check.time' } } }
 */
export function readWhatIfForm(
  texts: WhatIfTexts,
  stored?: { edits: WhatIfEdits; shown: WhatIfTexts },
): { ok: true; edits: WhatIfEdits } | { ok: false; problems: Partial<Record<WhatIfBox, FieldProblem>> } {
  const problems: Partial<Record<WhatIfBox, FieldProblem>> = checkHours(texts.open, texts.close);
  const required = (box: WhatIfBox, read: ReturnType<typeof readNumber>): number | null => {
    if ('problem' in read) problems[box] = read.problem;
    else if (read.value === null) problems[box] = { key: 'check.number' };
    return 'value' in read ? read.value : null;
  };
  const minutesPerDossier = required(
    'minutesPerDossier',
    readNumber(texts.minutesPerDossier, { ...MINUTES_PER_DOSSIER }),
  );
  const availability = required(
    'availabilityPercent',
    readNumber(texts.availabilityPercent, { min: 0, max: 100, aboveMin: true }),
  );
  const turnout = readNumber(texts.turnoutPercent, { min: 0, max: 100 });
  if ('problem' in turnout) problems.turnoutPercent = turnout.problem;
  const machines: Record<string, number> = {};
  for (const [code, text] of Object.entries(texts.machines)) {
    const read = readNumber(text, { min: 0, max: MAX_MACHINES_PER_AREA, whole: true });
    if ('problem' in read) problems[`machines-${code}`] = read.problem;
    else if (read.value !== null) machines[code] = read.value;
  }
  if (Object.keys(problems).length > 0 || minutesPerDossier === null || availability === null) {
    return { ok: false, problems };
  }
  const untouched = (box: 'minutesPerDossier' | 'availabilityPercent' | 'turnoutPercent') =>
    stored !== undefined && texts[box] === stored.shown[box];
  return {
    ok: true,
    edits: {
      open: texts.open.trim(),
      close: texts.close.trim(),
      minutesPerDossier: untouched('minutesPerDossier')
        ? (stored?.edits.minutesPerDossier ?? minutesPerDossier)
        : minutesPerDossier,
      availability: untouched('availabilityPercent')
        ? (stored?.edits.availability ?? availability / 100)
        : availability / 100,
      turnout: untouched('turnoutPercent')
        ? (stored?.edits.turnout ?? null)
        : 'value' in turnout && turnout.value !== null
          ? turnout.value / 100
          : null,
      machines,
    },
  };
}
