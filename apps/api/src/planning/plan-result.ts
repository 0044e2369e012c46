// A computed plan with what it was computed from and the area asked about: what the fields of
// `CampaignPlan` (the rows, the daily series, staffing, roster, mobile teams) answer from.
import type { AreaPlan, CampaignInput, CampaignPlan } from '@muster/planning';
import { PlanningInputError } from '@muster/planning';
import { tableOf } from '../compute/pool.ts';
import { NotFoundError } from '../errors.ts';

export type PlanResult = {
  /** What the plan depends on (its memo key): `plan:scenario:<id>` or `plan:input:<hash>`. */
  key: string;
  /** The stored scenario's root area, whose readers may see the whole plan; null for a what-if. */
  rootCode: string | null;
  /** The stored scenario planned; null for a what-if. */
  scenarioId: string | null;
  input: CampaignInput;
  plan: CampaignPlan;
  /** The area asked about: `areas` lists it and its descendants. */
  areaCode: string;
  areas: AreaPlan[];
  /** The scenario's mean-wait target, for hourly staffing. */
  waitTargetMinutes: number | null;
  /** The scenario's teams per site, for the roster. */
  teamsPerSite: number | null;
};

/**
 * The plan answered for `areaCode`, with the stored scenario's root and staffing targets (none
 * for a what-if); `key` names what it was computed from.
 */
export function planResult(
  key: string,
  input: CampaignInput,
  plan: CampaignPlan,
  areaCode: string,
  scenario: {
    /** The stored scenario planned as it is; absent for a plan derived from it (a replan). */
    id?: string;
    areaCode: string;
    waitTargetMinutes: number | null;
    teamsPerSite: number | null;
  } | null,
): PlanResult {
  const result: PlanResult = {
    key,
    rootCode: scenario?.areaCode ?? null,
    scenarioId: scenario?.id ?? null,
    input,
    plan,
    areaCode,
    areas: [],
    waitTargetMinutes: scenario?.waitTargetMinutes ?? null,
    teamsPerSite: scenario?.teamsPerSite ?? null,
  };
  // The subtree's rows are listed when a field first reads them: a what-if's plan may still be
  // columns (compute/pool.ts `computeLeavingColumns`), which listing them would build.
  Object.defineProperty(result, 'areas', {
    enumerable: true,
    configurable: true,
    get() {
      const rows = subtreeRows(plan, areaCode);
      Object.defineProperty(result, 'areas', {
        value: rows,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return rows;
    },
  });
  return result;
}

/** The row of the area asked about, once read, by plan result. */
const askedRows = new WeakMap<PlanResult, AreaPlan | undefined>();

/**
 * The row of the area asked about (`result.areas[0]`), read on its own from a plan whose rows are
 * still columns: a what-if asked for its completion date builds one row of its 20,000, once for
 * every field that reads it.
 */
export function askedRow(result: PlanResult): AreaPlan | undefined {
  if (askedRows.has(result)) return askedRows.get(result);
  const rows = tableOf(result.plan, 'areas');
  const index = rows.indexOf('code', result.areaCode);
  const row = index < 0 ? undefined : (rows.rowAt(index) as AreaPlan);
  askedRows.set(result, row);
  return row;
}

/** How many rows a plan has, without building rows still kept as columns. */
export function rowCount(plan: CampaignPlan): number {
  return tableOf(plan, 'areas').length;
}

/** The area a what-if answers for: the one asked about, else the first root of its input. */
export function whatIfArea(plan: CampaignPlan, areaCode: string | null | undefined): string {
  // Read from the columns while the rows are not built (compute/pool.ts `computeLeavingColumns`).
  const rows = tableOf(plan, 'areas');
  if (areaCode == null) {
    const index = rows.indexOf('parentCode', null);
    const root = index < 0 ? undefined : (rows.cell('code', index) as string);
    if (root === undefined) {
      throw new PlanningInputError({
        path: 'input.areas',
        code: 'required',
        expected: 'at least one area',
        received: [],
      });
    }
    return root;
  }
  if (rows.indexOf('code', areaCode) < 0) {
    throw new NotFoundError('area', areaCode, 'areaCode', 'in the input');
  }
  return areaCode;
}

/**
 * The row of `areaCode` (default: the area asked about) in a plan's rows, for the fields of a plan
 * that take an `areaCode` argument; any other area is refused.
 */
export function planRow(result: PlanResult, areaCode: string | null | undefined): AreaPlan {
  const code = areaCode ?? result.areaCode;
  const row = result.areas.find((candidate) => candidate.code === code);
  if (row) return row;
  // An area of the plan outside the one asked about is a refusal of the argument, as `plan` refuses
  // an area outside its scenario; one the plan does not hold at all is not found.
  if (result.plan.areas.some((candidate) => candidate.code === code)) {
    throw new PlanningInputError({
      path: 'areaCode',
      code: 'unknown-reference',
      expected: `an area within ${result.areaCode}, the area asked about`,
      received: code,
    });
  }
  throw new NotFoundError('area', code, 'areaCode', 'in this plan');
}

/** The rows of `code` and its descendants, from a plan that lists parents before children. */
function subtreeRows(plan: CampaignPlan, code: string): AreaPlan[] {
  const inside = new Set([code]);
  const rows: AreaPlan[] = [];
  for (const row of plan.areas) {
    if (row.code === code || (row.parentCode != null && inside.has(row.parentCode))) {
      // Only a parent's code is looked for again: the set stays a few hundred codes long, not 20,000.
      if (!row.isLeaf) inside.add(row.code);
      rows.push(row);
    }
  }
  return rows;
}

/** Where the rows of a plan that is not a stored scenario's say they come from in their keys. */
const COMPUTED = 'computed';

/**
 * The key of a plan's row in its global id: `<scenarioId>/<areaCode>` for a stored scenario (the
 * row can be fetched again), `computed/<plan key>/<areaCode>` for a what-if or a replan (it cannot:
 * its input is not stored).
 */
export function areaPlanKey(result: PlanResult, areaCode: string): string {
  if (result.scenarioId !== null) return `${result.scenarioId}/${areaCode}`;
  return `${COMPUTED}/${encodeURIComponent(result.key)}/${areaCode}`;
}

/** The scenario and area of a row's key; null for a computed plan's row or a key that is not one. */
export function parseAreaPlanKey(key: string): { scenarioId: string; areaCode: string } | null {
  const parts = key.split('/');
  if (parts.length !== 2 || parts[0] === COMPUTED) return null;
  const [scenarioId, areaCode] = parts as [string, string];
  return scenarioId !== '' && areaCode !== '' ? { scenarioId, areaCode } : null;
}
