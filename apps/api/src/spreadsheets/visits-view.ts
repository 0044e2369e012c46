// The mobile-team calendar: one row per visit of a team to a commune, in each team's order.
import type { MobileVisit } from '@muster/planning';
import type { SheetView, ViewColumn } from './sheet-view.ts';

/** A team's visits as `planMobileTeams` gives them, optionally with the communes' names. */
export type TeamVisits = { team: string; visits: readonly (MobileVisit & { communeName?: string | null })[] };

const COLUMNS: readonly ViewColumn[] = [
  { key: 'team', header: { vi: 'Tổ lưu động', en: 'Team' }, type: 'text', width: 16 },
  { key: 'visit', header: { vi: 'Lượt', en: 'Visit' }, type: 'integer', width: 6 },
  { key: 'communeCode', header: { vi: 'Mã xã', en: 'Commune code' }, type: 'text', width: 12 },
  { key: 'communeName', header: { vi: 'Tên xã', en: 'Commune name' }, type: 'text', width: 24 },
  { key: 'arriveDate', header: { vi: 'Ngày đến', en: 'Arrive' }, type: 'date', width: 12 },
  { key: 'leaveDate', header: { vi: 'Ngày đi', en: 'Leave' }, type: 'date', width: 12 },
  { key: 'days', header: { vi: 'Số ngày', en: 'Days' }, type: 'integer', width: 8 },
  {
    key: 'travelHours',
    header: { vi: 'Giờ di chuyển trước', en: 'Travel hours before' },
    type: 'decimal',
    width: 10,
  },
  { key: 'setupHours', header: { vi: 'Giờ lắp đặt', en: 'Set-up hours' }, type: 'decimal', width: 10 },
  { key: 'workHours', header: { vi: 'Giờ làm việc', en: 'Work hours' }, type: 'decimal', width: 10 },
  {
    key: 'dossiers',
    header: { vi: 'Số hồ sơ dự kiến', en: 'Dossiers expected' },
    type: 'integer',
    width: 12,
  },
  {
    key: 'servedCommunes',
    header: { vi: 'Các xã được phục vụ', en: 'Communes served' },
    type: 'text',
    width: 24,
  },
];

function* rowsOf(teams: Iterable<TeamVisits>): Generator<(string | number | null)[]> {
  for (const team of teams) {
    let visit = 0;
    for (const v of team.visits) {
      visit += 1;
      yield [
        team.team,
        visit,
        v.communeId,
        v.communeName ?? null,
        v.arriveDate,
        v.leaveDate,
        v.days,
        v.travelHoursBefore,
        v.setupHours,
        v.workHours,
        v.dossiers,
        v.servedCommuneIds.join(' '),
      ];
    }
  }
}

/**
 * The view `visits`: the teams of `planMobileTeams(...).plan.teams` (or the API's named plan).
 *
 * @example
 * [...visitsView(plan.teams).rows][0]?.slice(0, 3) // => ['Team 1', 1, '24718']
 */
export function visitsView(teams: Iterable<TeamVisits>): SheetView {
  return {
    name: 'visits',
    title: { vi: 'Lịch tổ lưu động', en: 'Mobile teams' },
    columns: COLUMNS,
    rows: rowsOf(teams),
  };
}
