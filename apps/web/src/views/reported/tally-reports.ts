// A day's reports under an area, counted per row of the view: each area one level down (a report
// from a commune counts for its district), the area's own total, and each team. An area or team
// without a report that day is "not reported", never a zero.

/** An area with its ancestors, as far up as the query asks. */
export type Lineage = { code: string; depth: number; parent?: Lineage | null };

export type DayReport = { teamCode: string | null; dossiers: number; area: Lineage };

export type Tally = { reports: number; dossiers: number };

export type DayTally = {
  /** Per area one level below the one viewed (or per root), only those that reported. */
  byArea: Map<string, Tally>;
  /** Reports made for the viewed area itself (its own total), or null when there is none. */
  own: Tally | null;
  /** Per team, only those that reported. */
  byTeam: Map<string, Tally>;
};

/** The code of `area` or of its ancestor at `depth`, or null when it is above that depth. */
export function ancestorAt(area: Lineage, depth: number): string | null {
  for (let at: Lineage | null | undefined = area; at; at = at.parent) {
    if (at.depth === depth) return at.code;
  }
  return null;
}

function add(tallies: Map<string, Tally>, key: string, dossiers: number): void {
  const tally = tallies.get(key) ?? { reports: 0, dossiers: 0 };
  tallies.set(key, { reports: tally.reports + 1, dossiers: tally.dossiers + dossiers });
}

/**
 * Counts `reports` for the area `viewed` (null: every root the caller sees), whose rows are at
 * `rowDepth` (the viewed area's depth + 1, or 0 for the roots).
 *
 * @example tallyReports([{ teamCode: null, dossiers: 1085, area: { code: '665', depth: 1 } }], '67', 1)
 * // { byArea: Map { '665' => { reports: 1, dossiers: 1085 } }, own: null, byTeam: Map {} }
 */
export function tallyReports(
  reports: readonly DayReport[],
  viewed: string | null,
  rowDepth: number,
): DayTally {
  const byArea = new Map<string, Tally>();
  const byTeam = new Map<string, Tally>();
  const own = new Map<string, Tally>();
  for (const report of reports) {
    if (report.teamCode) add(byTeam, report.teamCode, report.dossiers);
    if (report.area.code === viewed) {
      add(own, report.area.code, report.dossiers);
      continue;
    }
    const row = ancestorAt(report.area, rowDepth);
    if (row !== null) add(byArea, row, report.dossiers);
  }
  return { byArea, own: (viewed !== null && own.get(viewed)) || null, byTeam };
}
