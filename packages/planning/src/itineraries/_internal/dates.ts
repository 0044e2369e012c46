/** The latest of ISO dates (they sort as text); null when there is none. */
export function latestDate(dates: Iterable<string>): string | null {
  let latest: string | null = null;
  for (const date of dates) if (latest === null || date > latest) latest = date;
  return latest;
}

/** The date the teams leave each commune for the last time, by commune id. */
export function lastVisitDates(
  communes: readonly { communeId: string; windows: { to: string }[] }[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of communes) {
    const last = latestDate(c.windows.map((w) => w.to));
    if (last !== null) out.set(c.communeId, last);
  }
  return out;
}
