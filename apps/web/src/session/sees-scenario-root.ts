// Whether a caller may open a scenario at its root. Planners and reporters see the subtree of their
// own area, and a scenario rooted above that area is theirs to read only from their own area down
// (its plan, visits); the views planned from the root (the whole plan, hourly staffing, the roster)
// would be refused, so the app does not offer them.

/**
 * True when the caller sees the scenario's root area: an admin (no area), a caller whose area is
 * the root, or one whose area lies above the root (a smaller depth); false for a scenario rooted
 * above the caller's area; undefined while a depth is not yet known (offer nothing until it is:
 * links that appear and then vanish would be clicked).
 *
 * @example seesScenarioRoot({ code: '665', depth: 2 }, { code: '67', depth: 1 }) // false
 */
export function seesScenarioRoot(
  callerArea: { code: string; depth: number | undefined } | null,
  root: { code: string; depth: number | undefined },
): boolean | undefined {
  if (callerArea === null || callerArea.code === root.code) return true;
  if (callerArea.depth === undefined || root.depth === undefined) return undefined;
  return callerArea.depth < root.depth;
}
