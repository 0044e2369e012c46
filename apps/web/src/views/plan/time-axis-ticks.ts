// Which days a time axis labels: as many as fit the width it is drawn at. d3's round steps jump
// from 20 days to 50, and asked for one tick per 90 px it gave the burn-up two dates on a phone (3/5
// and 22/6) where four or five fit. Here the steps run through weeks and months too, and the labels
// are measured by their characters, so an axis whose days carry the year (time-axis-labels.ts) gets
// fewer ticks than one with day and month only, and none of them touch.

export type TimeAxisTicksOptions = {
  /**
   * Width of a digit or a letter of a label, in px. Default 7: the widest system font's digits
   * (DejaVu Sans, 0.64 em) at the charts' 11 px.
   */
  glyphPx?: number;
  /** Width of a separator (`/`, `.`, `-`, a space), in px. Default 4 (DejaVu Sans' slash, 0.34 em). */
  separatorPx?: number;
  /** Least room between two neighbouring labels, in px. Default 4. */
  gapPx?: number;
  /** Most labels, however wide the drawing (more is clutter). Default 10. */
  most?: number;
};

const DEFAULTS: Required<TimeAxisTicksOptions> = { glyphPx: 7, separatorPx: 4, gapPx: 4, most: 10 };

/** Days between two ticks, tried from the smallest: days, weeks, months, quarters, years. */
const STEPS_DAYS = [1, 2, 5, 7, 10, 14, 20, 30, 40, 50, 60, 90, 120, 180, 365, 730, 1825, 3650];

const SEPARATORS = new Set(['/', '.', '-', ' ']);

/** A time axis as the chart draws it; days are whole days since 1 January 1970. */
export type TimeAxis = {
  firstDay: number;
  lastDay: number;
  /** Where a day is drawn, in px from the drawing's left edge. */
  at(day: number): number;
  /** The labels of these days, in their order. */
  labels(days: readonly number[]): string[];
  /** The drawing's width, in px: no label runs past either edge. */
  widthPx: number;
};

/** A labelled day: its label's centre (`x`, px) is moved off its day only to stay within the drawing. */
export type TimeAxisTick = { day: number; label: string; x: number };

/**
 * The days to label: every `step` days (the multiples of `step` since 1970), the smallest step
 * whose labels keep `gapPx` apart and number at most `most`, each centred on its day or moved in
 * just enough to stay within the drawing.
 *
 * @example
 * // Days 0 to 100 drawn 300 px wide: every 10 days is 11 labels, more than 10; every 14 fits.
 * timeAxisTicks({ firstDay: 0, lastDay: 100, at: (day) => day * 3, labels: (days) => days.map(String),
 *   widthPx: 300 })
 * // [{ day: 0, label: '0', x: 3.5 }, { day: 14, label: '14', x: 42 }, { day: 28, label: '28', x: 84 },
 * //  …, { day: 84, label: '84', x: 252 }, { day: 98, label: '98', x: 293 }]
 */
export function timeAxisTicks(axis: TimeAxis, options: TimeAxisTicksOptions = {}): TimeAxisTick[] {
  const { glyphPx, separatorPx, gapPx, most } = { ...DEFAULTS, ...options };
  const widthOf = (label: string) =>
    [...label].reduce((sum, char) => sum + (SEPARATORS.has(char) ? separatorPx : glyphPx), 0);
  let fallback: TimeAxisTick[] = [];
  for (const step of STEPS_DAYS) {
    const days: number[] = [];
    for (let day = Math.ceil(axis.firstDay / step) * step; day <= axis.lastDay; day += step) days.push(day);
    if (days.length > most) continue;
    const labels = axis.labels(days);
    const boxes = days.map((day, k) => {
      const label = labels[k] ?? '';
      const half = Math.min(widthOf(label), axis.widthPx) / 2;
      const x = Math.min(Math.max(axis.at(day), half), axis.widthPx - half);
      return { day, label, x, left: x - half, right: x + half };
    });
    const ticks = boxes.map(({ day, label, x }) => ({ day, label, x }));
    if (boxes.every((box, k) => k === 0 || box.left - (boxes[k - 1]?.right ?? 0) >= gapPx)) return ticks;
    // However narrow the drawing, one label (the first of the widest step) is shown.
    fallback = ticks.slice(0, 1);
  }
  return fallback;
}
