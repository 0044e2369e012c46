// A chart drawn at the width it is shown at, so that one unit of its viewBox is one CSS pixel and its
// labels keep their size (11 px) on a 360 px phone as on a desktop, where a fixed 720-unit drawing
// scaled down to a phone's width shrank them to 5 px.
import { useCallback, useRef, useState } from 'react';

/** Width drawn before the first measure (and where ResizeObserver is missing). */
const FIRST_WIDTH = 720;
/** Narrower than this the axes' labels no longer fit; the drawing scales down from here. */
const MIN_WIDTH = 200;

/** A ref for the chart's container and the width, in CSS px, to draw at. */
export function useChartWidth(): { ref: (element: Element | null) => void; width: number } {
  const [width, setWidth] = useState(FIRST_WIDTH);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((element: Element | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (element === null || typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(Math.max(MIN_WIDTH, measured));
    });
    observer.current.observe(element);
  }, []);
  return { ref, width };
}

/**
 * Every how many bands to label so that labels `labelPx` wide never touch, on a divisor of the
 * band count where one exists (every 1, 2, 3, 4, 6 or 12 hours of 24).
 */
export function labelEvery(bandPx: number, labelPx: number, bands: number): number {
  const least = Math.max(1, Math.ceil(labelPx / Math.max(bandPx, 1)));
  for (let every = least; every <= bands; every += 1) if (bands % every === 0) return every;
  return least;
}
