// What in plan vs actual is worth a second look, in the reader's words: the pace off the plan's,
// more machines reported than planned, days above what their machines do in 24 hours, areas'
// own totals below their teams' reports, the reports the service doubts (by their date, area and
// team, worded by their code as the reporter reads them), partial days. The API's own sentences
// are English: only its figures are read here.
import type { SecondLookFragment } from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import type { I18n } from '../../i18n/i18n.tsx';
import { warningWords } from '../report/warning-words.ts';

export const SecondLook = graphql(`
  fragment SecondLook on PlanVsActual {
    warnings {
      __typename
      ... on PaceDiffersWarning {
        areaCode
        observedDossiersPerMachineDay
        plannedDossiersPerMachineDay
        differenceShare
        observedDays
      }
      ... on DayAboveMaximumWarning {
        areaCode
        date
        dossiers
        machines
        machinesFrom
        maximumDossiers
      }
      ... on PartialDayWarning {
        areaCode
        date
        leavesReported
        leaves
      }
      ... on TotalBelowTeamReportsWarning {
        areaCode
        date
        totalDossiers
        teamDossiers
        teamReports
      }
      ... on MachinesAbovePlannedWarning {
        areaCode
        date
        machinesReported
        machinesPlanned
      }
    }
    reportWarnings {
      code
      report {
        reportId
        date
        areaCode
        area {
          code
          name
        }
        team {
          code
          name
        }
      }
    }
  }
`);

/** Lines shown at most: a card to glance at, not the list of every report (the table has the days). */
export const SHOWN_AT_MOST = 10;

type Warning = SecondLookFragment['warnings'][number];

/**
 * The order a planner acts on them: the pace first (the forecast rests on it) with the machines
 * that make it read slow, then the days and reports to check, the partial days (read as such in
 * the table already) last.
 */
const RANK: Record<Warning['__typename'], number> = {
  PaceDiffersWarning: 0,
  MachinesAbovePlannedWarning: 1,
  DayAboveMaximumWarning: 1,
  TotalBelowTeamReportsWarning: 2,
  PartialDayWarning: 3,
};
const REPORT_RANK = 2;

/** One warning about the days or the pace, as a sentence with its figures. */
function warningSentence(
  { t, n, pct, date }: Pick<I18n, 't' | 'n' | 'pct' | 'date'>,
  warning: Warning,
  areaName: (code: string) => string,
): string {
  switch (warning.__typename) {
    case 'PaceDiffersWarning':
      return t(warning.differenceShare < 0 ? 'secondLook.paceSlower' : 'secondLook.paceFaster', {
        area: areaName(warning.areaCode),
        observed: n(warning.observedDossiersPerMachineDay),
        planned: n(warning.plannedDossiersPerMachineDay),
        share: pct(Math.abs(warning.differenceShare)),
        days: warning.observedDays,
      });
    case 'DayAboveMaximumWarning':
      return t(
        warning.machinesFrom === 'REPORTED' ? 'secondLook.dayAboveReported' : 'secondLook.dayAbovePlanned',
        {
          date: date(warning.date),
          area: areaName(warning.areaCode),
          dossiers: n(warning.dossiers),
          maximum: n(warning.maximumDossiers),
          machines: warning.machines,
        },
      );
    case 'PartialDayWarning':
      return t('secondLook.partialDay', {
        date: date(warning.date),
        area: areaName(warning.areaCode),
        reported: n(warning.leavesReported),
        leaves: warning.leaves,
      });
    case 'TotalBelowTeamReportsWarning':
      return t('secondLook.totalBelowTeams', {
        date: date(warning.date),
        area: areaName(warning.areaCode),
        total: n(warning.totalDossiers),
        teams: n(warning.teamDossiers),
        count: warning.teamReports,
      });
    case 'MachinesAbovePlannedWarning':
      return t('secondLook.machinesAbovePlanned', {
        date: date(warning.date),
        area: areaName(warning.areaCode),
        reported: n(warning.machinesReported),
        planned: warning.machinesPlanned,
      });
  }
}

/**
 * The warnings of a plan vs actual as sentences, in the order a planner acts on them, the first
 * `SHOWN_AT_MOST`, and the sentence for the rest (null when none is left out).
 *
 * @example secondLookWords(en, { warnings: [], reportWarnings: [{ code: 'above-service-capacity',
 *   report: { date: '2020-05-04', area: { name: 'Huyện Tuy Đức' }, team: null, … } }] }, name)
 * // { lines: ['4 May 2020 · Huyện Tuy Đức · More dossiers than the machines can take in 24 hours:
 * //   check the dossiers and the machines.'], more: null }
 */
export function secondLookWords(
  i18n: Pick<I18n, 't' | 'n' | 'pct' | 'date'>,
  compared: SecondLookFragment,
  /** The name of an area of the plan, by its code. */
  areaName: (code: string) => string,
): { lines: string[]; more: string | null } {
  const { t, date } = i18n;
  const ranked = [
    ...compared.warnings.map((warning) => ({
      rank: RANK[warning.__typename],
      sentence: () => warningSentence(i18n, warning, areaName),
    })),
    ...compared.reportWarnings.map(({ code, report }) => ({
      rank: REPORT_RANK,
      sentence: () => {
        const warning = t(warningWords(code));
        if (!report) return warning;
        const where = { date: date(report.date), area: report.area.name, warning };
        return report.team
          ? t('secondLook.teamReport', { ...where, team: report.team.name })
          : t('secondLook.report', where);
      },
    })),
  ];
  // A stable sort keeps the API's order (by day) within each kind.
  ranked.sort((a, b) => a.rank - b.rank);
  const left = ranked.length - SHOWN_AT_MOST;
  return {
    lines: ranked.slice(0, SHOWN_AT_MOST).map((line) => line.sentence()),
    more: left > 0 ? t('secondLook.more', { count: left }) : null,
  };
}
