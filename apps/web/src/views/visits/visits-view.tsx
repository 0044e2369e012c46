// The mobile teams' visit calendars: for each MOBILE team, which commune it is in on which days, as
// a table and as a route on the map of its home area's communes, and as an iCalendar file.
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useParams } from 'wouter';
import { CommuneCentroidsDocument, communesOf } from '../../components/commune-centroids.ts';
import { CommuneMap, type MapPoint } from '../../components/commune-map.tsx';
import { ExportLinks } from '../../components/export-links.tsx';
import { Refusal, Requested } from '../../components/problem.tsx';
import type { VisitsViewQuery } from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ScenarioHeadQuery } from '../plan/plan-view.tsx';
import { downloadText } from '../roster/team-calendar.ts';

const VisitsViewDocument = graphql(`
  query VisitsView($scenarioId: ID!, $language: CalendarLanguage!) {
    teams {
      code
      name
      kind
      machines
      homeAreaCode
      homeArea {
        code
        name
      }
      visits(scenarioId: $scenarioId) {
        __typename
        ... on TeamVisits {
          endDate
          timeZone
          iCalendar(language: $language)
          visits {
            communeCode
            communeName
            arriveDate
            leaveDate
            days
            dossiers
            travelHoursBefore
          }
        }
        ... on Error {
          message
        }
      }
    }
  }
`);

type Team = NonNullable<VisitsViewQuery['teams']>[number];
type Visits = Extract<Team['visits'], { __typename: 'TeamVisits' }>;

/** Whether the team's calendar ends after `deadline` (ISO; null until it is read). */
function endsLate(team: Team, deadline: string | null): boolean {
  const end = team.visits.__typename === 'TeamVisits' ? team.visits.endDate : null;
  // ISO dates compare as text.
  return deadline !== null && end !== null && end !== undefined && end > deadline;
}

function VisitsMap({ team, visits }: { team: Team; visits: Visits }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({
    query: CommuneCentroidsDocument,
    variables: { areaCode: team.homeAreaCode },
  });
  const points = useMemo<MapPoint[]>(() => {
    const visited = new Set(visits.visits.map((v) => v.communeCode));
    return communesOf(data).map((c) => ({
      ...c,
      colour: visited.has(c.code) ? '#c2410c' : '#cbd5e1',
      label: visited.has(c.code) ? t('visits.visited') : t('visits.notVisited'),
    }));
  }, [data, visits, t]);
  return (
    <CommuneMap
      points={points}
      route={visits.visits.map((v) => v.communeCode)}
      title={t('visits.mapAlt', { team: team.name })}
    />
  );
}

function TeamCalendar({
  team,
  scenarioId,
  deadline,
}: {
  team: Team;
  scenarioId: string;
  /** The scenario's last day (ISO), or null until it is read. */
  deadline: string | null;
}) {
  const { t, n, date } = useI18n();
  const visits = team.visits;
  if (visits.__typename !== 'TeamVisits') return <Refusal error={visits} />;
  // ISO dates compare as text.
  const afterDeadline = (day: string) => deadline !== null && day > deadline;
  const late = endsLate(team, deadline);
  return (
    <section className="card team-visits" data-team={team.code}>
      <h2>
        {/* The dot stays with the name (a no-break space): a narrow screen breaks the line before it. */}
        {team.name} <span className="muted">·&nbsp;{team.homeArea.name}</span>
      </h2>
      {/* The visits of the teams based in the team's home area, named by it. */}
      <ExportLinks
        views={['visits']}
        scenarioId={scenarioId}
        areaCode={team.homeAreaCode}
        areaName={team.homeArea.name}
      />
      <p className="no-print">
        <button
          type="button"
          onClick={() =>
            downloadText(
              visits.iCalendar,
              `${t('visits.fileName')}-${team.code}.ics`,
              'text/calendar;charset=utf-8',
            )
          }
        >
          {t('visits.ics')}
        </button>
      </p>
      {late && deadline !== null ? (
        <p className="late-note" data-late="true">
          {t('visits.late', { end: date(visits.endDate ?? deadline), deadline: date(deadline) })}
        </p>
      ) : null}
      <div className="grid-2">
        <div className="table-wrap">
          <table>
            <caption>
              {t('visits.tableCaption', { end: visits.endDate ? date(visits.endDate) : '—' })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('col.commune')}</th>
                <th scope="col">{t('visits.arrive')}</th>
                <th scope="col">{t('visits.leave')}</th>
                <th scope="col" className="num">
                  {t('visits.days')}
                </th>
                <th scope="col" className="num">
                  {t('visits.dossiers')}
                </th>
              </tr>
            </thead>
            <tbody>
              {visits.visits.map((visit) => (
                <tr
                  key={`${visit.communeCode}-${visit.arriveDate}`}
                  data-after-deadline={afterDeadline(visit.leaveDate) ? 'true' : undefined}
                >
                  <th scope="row">{visit.communeName ?? visit.communeCode}</th>
                  <td>{date(visit.arriveDate)}</td>
                  <td>
                    {date(visit.leaveDate)}
                    {afterDeadline(visit.leaveDate) ? (
                      <span className="late-mark"> · {t('visits.afterDeadline')}</span>
                    ) : null}
                  </td>
                  <td className="num">{n(visit.days)}</td>
                  <td className="num">{n(visit.dossiers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <VisitsMap team={team} visits={visits} />
      </div>
    </section>
  );
}

export default function VisitsView() {
  const { id = '' } = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: VisitsViewDocument,
    // The teams' calendar files in the reader's language.
    variables: { scenarioId: id, language: locale === 'vi' ? 'VI' : 'EN' },
  });
  const [head] = useQuery({ query: ScenarioHeadQuery, variables: { scenarioId: id } });
  const deadline = head.data?.scenario?.calendar.deadline ?? null;
  const [only, setOnly] = useState<string>('');
  const mobile = (data?.teams ?? []).filter((team) => team.kind === 'MOBILE');
  const shown = mobile.filter((team) => only === '' || team.code === only);
  return (
    <section>
      <h1>{t('nav.visits')}</h1>
      <Requested
        fetching={fetching}
        error={error}
        hasData={data !== undefined}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        {() =>
          mobile.length === 0 ? (
            <p>{t('visits.none')}</p>
          ) : (
            <>
              <label className="no-print">
                {t('visits.team')}
                <select value={only} onChange={(e) => setOnly(e.target.value)} name="team">
                  <option value="">{t('visits.allTeams')}</option>
                  {mobile.map((team) => (
                    <option key={team.code} value={team.code}>
                      {team.name}
                    </option>
                  ))}
                </select>
              </label>
              {/* The plan of the same scenario may be on time: why the two differ, and what to do. */}
              {shown.some((team) => endsLate(team, deadline)) ? (
                <p data-testid="visits-two-models">{t('visits.twoModels')}</p>
              ) : null}
              {shown.map((team) => (
                <TeamCalendar key={team.code} team={team} scenarioId={id} deadline={deadline} />
              ))}
            </>
          )
        }
      </Requested>
    </section>
  );
}
