// What a principal may see and change. Planners and reporters see the subtree of their area;
// scenarios are visible when their root area and that subtree overlap (a district planner reads
// the province's scenario, for the district), and editable by planners only inside the subtree.
import { ForbiddenError } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Principal } from './tokens.ts';

/** True when the area at `path` is the one at `rootPath` or lies below it. */
export function isInSubtree(path: string, rootPath: string): boolean {
  return path === rootPath || path.startsWith(`${rootPath}/`);
}

/** Prisma filter for the area at `rootPath` and its descendants. */
export function subtreeOf(rootPath: string): Prisma.AreaWhereInput {
  return { OR: [{ path: rootPath }, { path: { startsWith: `${rootPath}/` } }] };
}

/** True when `path` is the principal's area or lies below it. */
export function withinScope(principal: Principal, path: string): boolean {
  if (principal.role === 'ADMIN') return true;
  return principal.areaPath !== null && isInSubtree(path, principal.areaPath);
}

/** True when a scenario rooted at `rootPath` covers part of what the principal sees. */
export function overlapsScope(principal: Principal, rootPath: string): boolean {
  if (withinScope(principal, rootPath)) return true;
  return principal.areaPath !== null && isInSubtree(principal.areaPath, rootPath);
}

/** Prisma filter for the areas a principal sees (everything for an admin). */
export function areaScope(principal: Principal): Prisma.AreaWhereInput {
  if (principal.role === 'ADMIN') return {};
  if (principal.areaPath === null) return { code: { in: [] } };
  return subtreeOf(principal.areaPath);
}

/** Prisma filter for the scenarios a principal sees: rooted in its subtree or above its area. */
export function scenarioScope(principal: Principal): Prisma.ScenarioWhereInput {
  if (principal.role === 'ADMIN') return {};
  const ancestors = (principal.areaPath ?? '').split('/').filter((code) => code !== '');
  return { OR: [{ area: areaScope(principal) }, { areaCode: { in: ancestors } }] };
}

/** A report its sender may not send: its index in the batch and the field refused. */
export type ReportOutside = { index: number; field: 'teamCode' | 'areaCode' };

/**
 * Every report of a batch its sender may not send, in batch order: for a reporter another team's,
 * or an area outside its own; for a planner an area outside its subtree (any team: a district
 * office types in the paper tallies of teams without signal). Areas not in `areaPaths` (unknown)
 * are left to the batch's checks.
 *
 * @example
 * // a reporter of Đắk Song's team (665)
 * reportsOutside(reporter, [{ areaCode: '24718' }, { areaCode: '661' }], paths)
 * // => [{ index: 1, field: 'areaCode' }]
 */
export function reportsOutside(
  sender: Principal,
  reports: readonly { areaCode: string; teamCode?: string | null }[],
  areaPaths: ReadonlyMap<string, string>,
): ReportOutside[] {
  return reports.flatMap((report, index): ReportOutside[] => {
    if (sender.role === 'REPORTER' && report.teamCode != null && report.teamCode !== sender.teamCode) {
      return [{ index, field: 'teamCode' }];
    }
    const path = areaPaths.get(report.areaCode);
    return path !== undefined && !withinScope(sender, path) ? [{ index, field: 'areaCode' }] : [];
  });
}

/** Refuses a batch of reports its sender may not send (see `reportsOutside`), naming the first. */
export function refuseReportsOutside(
  sender: Principal,
  reports: readonly { areaCode: string; teamCode?: string | null }[],
  areaPaths: ReadonlyMap<string, string>,
): void {
  const [first] = reportsOutside(sender, reports, areaPaths);
  const report = first && reports[first.index];
  if (!first || !report) return;
  const field = `reports[${first.index}].${first.field}`;
  throw new ForbiddenError(
    first.field === 'teamCode'
      ? `${field}: ${describePrincipal(sender)} records for team ${sender.teamCode} only, not ${report.teamCode}.`
      : `${field}: area ${report.areaCode} is outside the area of ${describePrincipal(sender)}.`,
    field,
  );
}

/**
 * May amend (void, re-date) a stored report: an admin; a planner whose subtree holds its area; the
 * reporter of its team, inside its area.
 */
export function mayAmendReport(
  principal: Principal,
  report: { areaPath: string; teamCode: string | null },
): boolean {
  if (principal.role === 'ADMIN') return true;
  if (!withinScope(principal, report.areaPath)) return false;
  return (
    principal.role === 'PLANNER' || (principal.teamCode !== null && principal.teamCode === report.teamCode)
  );
}

/** How a principal is named in messages and in the record of who wrote what. */
export function describePrincipal(principal: Principal): string {
  if (principal.role === 'ADMIN') return `admin ${principal.name}`;
  if (principal.role === 'PLANNER') return `planner ${principal.name} (area ${principal.areaCode})`;
  return `reporter ${principal.name} (team ${principal.teamCode}, area ${principal.areaCode})`;
}
