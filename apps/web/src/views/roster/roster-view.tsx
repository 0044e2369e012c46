// The team rotation of a scenario's sites as a printable page: one month a page on A4 (dates down,
// shifts across, the team in each cell), each team's hours and nights, any rule broken, and each
// team's shifts as an iCalendar file.

import { defaultNameNumber } from '@muster/planning/default-name-number';
import { useQuery } from 'urql';
import { useParams } from 'wouter';
import { ExportLinks } from '../../components/export-links.tsx';
import { Figures } from '../../components/figures.tsx';
import { Refusal, Requested } from '../../components/problem.tsx';
import { ReadFromRoot } from '../../components/read-from-root.tsx';
import type { RosterViewQuery } from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { seesScenarioRoot } from '../../session/sees-scenario-root.ts';
import { useViewer } from '../../session/viewer.tsx';
import { ScenarioHeadQuery } from '../plan/plan-view.tsx';
import { downloadTeamCalendar } from './team-calendar.ts';

const RosterViewDocument = graphql(`
  query RosterView($scenarioId: ID!, $areaCode: String!, $days: Int!) {
    plan(scenarioId: $scenarioId, areaCode: $areaCode) {
      __typename
      ... on CampaignPlan {
        roster(days: $days) {
          __typename
          ... on Roster {
            startDate
            teamCount
            minimumTeams
            feasible
            shifts {
              name
              start
              end
              crews
            }
            assignments {
              date
              shift
              team
            }
            teams {
              team
              hours
              nights
              maxHoursInAnyWeek
            }
            violations {
              rule
              team
              date
              detail
              severity
            }
          }
          ... on Error {
            message
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/** The API's longest roster in one call. */
const MAX_ROSTER_DAYS = 366;
const DAY_MS = 86_400_000;

type Roster = Extract<
  Extract<RosterViewQuery['plan'], { __typename: 'CampaignPlan' }>['roster'],
  { __typename: 'Roster' }
>;

/**
 * Teams and shifts as the roster names them; those the planning library numbered (`Team 1`,
 * `Shift 2`) in the reader's words (`Kíp 1`, `Ca 2`).
 */
function useRosterNames(): { teamName: (team: string) => string; shiftName: (shift: string) => string } {
  const { t } = useI18n();
  const named = (name: string, kind: 'team' | 'shift') => {
    const number = defaultNameNumber(name, kind);
    return number === null
      ? name
      : t(kind === 'team' ? 'roster.teamNumber' : 'roster.shiftNumber', { n: number });
  };
  return { teamName: (team) => named(team, 'team'), shiftName: (shift) => named(shift, 'shift') };
}

function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The roster's dates, month by month, each date with the team on each shift. */
function months(
  roster: Roster,
): { month: string; dates: { date: string; teams: Map<string, string[]> }[] }[] {
  const byDate = new Map<string, Map<string, string[]>>();
  for (const { date, shift, team } of roster.assignments) {
    const shifts = byDate.get(date) ?? new Map<string, string[]>();
    shifts.set(shift, [...(shifts.get(shift) ?? []), team]);
    byDate.set(date, shifts);
  }
  const result: { month: string; dates: { date: string; teams: Map<string, string[]> }[] }[] = [];
  for (const date of [...byDate.keys()].sort()) {
    const month = date.slice(0, 7);
    if (result.at(-1)?.month !== month) result.push({ month, dates: [] });
    result.at(-1)?.dates.push({ date, teams: byDate.get(date) ?? new Map() });
  }
  return result;
}

function RosterPages({
  roster,
  scenarioId,
  title,
  timeZone,
}: {
  roster: Roster;
  scenarioId: string;
  title: string;
  timeZone: string;
}) {
  const { t, n, date, month, weekday } = useI18n();
  const { teamName, shiftName } = useRosterNames();
  const pages = months(roster);
  return (
    <>
      <Figures
        items={[
          { label: t('roster.teams'), value: n(roster.teamCount) },
          { label: t('roster.minimumTeams'), value: n(roster.minimumTeams) },
          { label: t('roster.feasible'), value: roster.feasible ? t('answer.yes') : t('answer.no') },
          {
            label: t('roster.shifts'),
            value: roster.shifts.map((shift) => `${shift.start}–${shift.end}`).join(', '),
          },
        ]}
      />
      <div className="table-wrap no-print">
        <table className="team-loads">
          <caption>{t('roster.loads')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('roster.team')}</th>
              <th scope="col" className="num">
                {t('roster.hours')}
              </th>
              <th scope="col" className="num">
                {t('roster.nights')}
              </th>
              <th scope="col" className="num">
                {t('roster.maxWeek')}
              </th>
              <th scope="col">{t('roster.calendar')}</th>
            </tr>
          </thead>
          <tbody>
            {roster.teams.map((load) => (
              <tr key={load.team}>
                <th scope="row">{teamName(load.team)}</th>
                <td className="num">{n(load.hours, 1)}</td>
                <td className="num">{n(load.nights)}</td>
                <td className="num">{n(load.maxHoursInAnyWeek, 1)}</td>
                <td>
                  <button
                    type="button"
                    onClick={() =>
                      void downloadTeamCalendar(roster, load.team, scenarioId, timeZone, {
                        calendarName: `${t('nav.roster')} — ${teamName(load.team)}`,
                        summary: (shift, team) => `${shiftName(shift)} — ${teamName(team)}`,
                        night: t('roster.nightShift'),
                        duration: (hours) => t('roster.shiftHours', { hours: n(hours, 2) }),
                        fileName: `${t('roster.fileName')}-${scenarioId}-${teamName(load.team)}`,
                      })
                    }
                  >
                    {t('roster.ics', { team: teamName(load.team) })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {roster.violations.length > 0 ? (
        <details className="card no-print">
          <summary>{t('roster.violations', { count: roster.violations.length })}</summary>
          <ul>
            {roster.violations.slice(0, 200).map((v) => (
              <li key={`${v.rule}-${v.team}-${v.date}`}>
                {date(v.date)} · {teamName(v.team)} · {v.severity}: {v.detail}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {pages.map((page) => (
        <section key={page.month} className="roster-month">
          <h2>
            {title} — {month(`${page.month}-01`)}
          </h2>
          <table className="roster-grid">
            <thead>
              <tr>
                <th scope="col">{t('col.date')}</th>
                {roster.shifts.map((shift) => (
                  <th key={shift.name} scope="col">
                    {shift.start}–{shift.end}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {page.dates.map((day) => (
                <tr key={day.date}>
                  <th scope="row">
                    {weekday(day.date)} {date(day.date, 'short')}
                  </th>
                  {roster.shifts.map((shift) => (
                    <td key={shift.name}>{(day.teams.get(shift.name) ?? []).map(teamName).join(', ')}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

function RosterOf({
  scenarioId,
  areaCode,
  days,
  title,
  timeZone,
}: {
  scenarioId: string;
  areaCode: string;
  days: number;
  title: string;
  timeZone: string;
}) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: RosterViewDocument,
    variables: { scenarioId, areaCode, days },
  });
  return (
    <Requested
      fetching={fetching}
      error={error}
      hasData={data !== undefined}
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {() => {
        const plan = data?.plan;
        if (!plan) return null;
        if (plan.__typename !== 'CampaignPlan') return <Refusal error={plan} />;
        if (plan.roster.__typename !== 'Roster') return <Refusal error={plan.roster} />;
        return <RosterPages roster={plan.roster} scenarioId={scenarioId} title={title} timeZone={timeZone} />;
      }}
    </Requested>
  );
}

export default function RosterView() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useI18n();
  const [head] = useQuery({ query: ScenarioHeadQuery, variables: { scenarioId: id } });
  const scenario = head.data?.scenario;
  const { area: callerArea } = useViewer();
  // The campaign's days, start to deadline, within what the API answers: the page and its files.
  const days = scenario
    ? Math.min(daysBetween(scenario.calendar.start, scenario.calendar.deadline), MAX_ROSTER_DAYS)
    : 0;
  return (
    <section className="roster">
      <Requested fetching={head.fetching} error={head.error} hasData={head.data !== undefined}>
        {() =>
          // A roster is read from the scenario's root: a caller below it gets the refusal alone
          // (a reporter reaching it by address saw the print button and downloads, each refused).
          scenario && seesScenarioRoot(callerArea, scenario.area) === false ? (
            <ReadFromRoot scenarioId={id} rootName={scenario.area.name} />
          ) : scenario ? (
            <>
              <h1 className="no-print">
                {t('nav.roster')} <span className="muted">· {scenario.name}</span>
              </h1>
              <p className="no-print">
                <button type="button" className="primary" onClick={() => window.print()}>
                  {t('roster.print')}
                </button>{' '}
                <span className="muted">{t('roster.printHelp')}</span>
              </p>
              <ExportLinks
                views={['roster']}
                scenarioId={id}
                areaCode={scenario.areaCode}
                args={{ days: String(days) }}
              />
              <RosterOf
                scenarioId={id}
                areaCode={scenario.areaCode}
                days={days}
                title={scenario.name}
                timeZone={scenario.calendar.timeZone}
              />
            </>
          ) : (
            <p role="alert">{t('scenario.notFound', { id })}</p>
          )
        }
      </Requested>
    </section>
  );
}
