// Which area of the tree to ask a scenario's plan for. The API plans a scenario from its root down
// and lets a planner read from its own area down, so a district's planner asking for the plan of
// its province was refused and read "—" on its own district's row; asked at its district, the
// plan fills the rows it may read.

/** A row of the tree on the page: its area's code and how many levels below the page's area it is. */
export type TreeRowPlace = { code: string; depth: number };

/**
 * The area to ask the plan for on the tree of `pageCode`: the deepest of `narrower` (the caller's
 * own area, the scenario's root) that lies among the page's `rows`, else the page's own area.
 *
 * @example planArea('67', [{ code: '67', depth: 0 }, { code: '663', depth: 1 }], ['663', '67'])
 * // '663'
 */
export function planArea(
  pageCode: string,
  rows: readonly TreeRowPlace[],
  narrower: readonly (string | null | undefined)[],
): string {
  const depthOf = new Map(rows.map((row) => [row.code, row.depth]));
  let chosen = pageCode;
  let chosenDepth = depthOf.get(pageCode) ?? 0;
  for (const code of narrower) {
    const depth = code ? depthOf.get(code) : undefined;
    if (code && depth !== undefined && depth > chosenDepth) {
      chosen = code;
      chosenDepth = depth;
    }
  }
  return chosen;
}
