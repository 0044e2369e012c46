// For planners: on a day, which areas under theirs and which teams have reported, and which have
// not (a missing report is shown as missing, never as zero). The areas one level down are the
// rows; each opens its own level; the day moves back and forth. Opened without a day, it opens on
// the most useful one (opening-day.ts): today while a campaign of the area runs, else the last day
// the area reported, else its campaign's last day.
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { type Client, type CombinedError, type OperationResult, useClient, useQuery } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import { Loading, Problem, Refusal } from '../../components/problem.tsx';
import { SpreadsheetImport } from '../../components/spreadsheet-import.tsx';
import type { ReportedDayQuery, ReportedDayQueryVariables } from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import { problemOf } from '../../graphql/problem.ts';
import { addDays, CAMPAIGN_TIME_ZONE, campaignDay, isIsoDate } from '../../i18n/campaign-day.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../routes.ts';
import { useViewer } from '../../session/viewer.tsx';
import { type CampaignDays, openingDay } from './opening-day.ts';
import { type DayReport, type DayTally, type Lineage, type Tally, tallyReports } from './tally-reports.ts';

// Ancestors up to three levels above an area: a commune's report reaches its province's rows.
graphql(`
  fragment AreaLineage on Area {
    code
    depth
    parent {
      code
      depth
      parent {
        code
        depth
        parent {
          code
          depth
        }
      }
    }
  }
`);

const ReportedAreaDocument = graphql(`
  query ReportedArea($areaCode: String!) {
    area(code: $areaCode) {
      ...AreaLineage
      code
      name
      depth
      parent {
        code
        name
      }
      children {
        code
        name
        childCount
      }
    }
  }
`);

const ReportedRootsDocument = graphql(`
  query ReportedRoots($first: Int!) {
    areas(roots: true, first: $first) {
      edges {
        node {
          code
          name
          childCount
        }
      }
    }
  }
`);

const ReportedTeamsDocument = graphql(`
  query ReportedTeams {
    teams {
      code
      name
      kind
      homeArea {
        name
        ...AreaLineage
      }
    }
  }
`);

const ReportedDayDocument = graphql(`
  query ReportedDay($areaCode: String, $date: Date!, $first: Int!, $after: String) {
    actualReports(areaCode: $areaCode, from: $date, to: $date, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          reportId
          teamCode
          dossiers
          area {
            ...AreaLineage
          }
        }
      }
    }
  }
`);

// What the day to open on is chosen from: the area's last report up to today, and the campaigns
// of the scenarios the caller sees (each rooted at, above or below the area: filtered here).
const ReportedOpeningDocument = graphql(`
  query ReportedOpening($areaCode: String, $today: Date!) {
    actualReports(areaCode: $areaCode, to: $today, last: 1) {
      edges {
        node {
          reportId
          date
        }
      }
    }
    scenarios {
      scenarioId
      calendar {
        start
        deadline
      }
      area {
        ...AreaLineage
      }
    }
  }
`);

/** The API's largest page (README, Limits): a province's day fits in one or two. */
const PAGE_SIZE = 500;

type Row = { code: string; name: string; childCount: number };

type DayReports =
  | { kind: 'loading' }
  | { kind: 'failed'; error: CombinedError }
  | { kind: 'refused'; error: { __typename?: string; message: string } }
  | { kind: 'loaded'; reports: DayReport[] };

function reportsPage(
  client: Client,
  variables: ReportedDayQueryVariables,
): Promise<OperationResult<ReportedDayQuery, ReportedDayQueryVariables>> {
  return client.query(ReportedDayDocument, variables, { requestPolicy: 'network-only' }).toPromise();
}

/** Every report of the day under `areaCode`, page after page; none asked while the day is not known. */
function useDayReports(areaCode: string | null, date: string | null): [DayReports, () => void] {
  const client = useClient();
  const [state, setState] = useState<DayReports>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks again on retry.
  useEffect(() => {
    let stopped = false;
    setState({ kind: 'loading' });
    if (date === null) return;
    void (async () => {
      const reports: DayReport[] = [];
      let after: string | null = null;
      do {
        const { data, error } = await reportsPage(client, { areaCode, date, first: PAGE_SIZE, after });
        if (stopped) return;
        const page = data?.actualReports;
        if (!page || error) {
          // An unknown area is a refusal to show as it is; anything else is a failed request.
          const notFound = error?.graphQLErrors.find((e) => e.extensions?.code === 'NOT_FOUND');
          if (notFound) setState({ kind: 'refused', error: notFound });
          else if (error) setState({ kind: 'failed', error });
          return;
        }
        reports.push(...page.edges.map(({ node }) => node));
        after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
      } while (after !== null);
      setState({ kind: 'loaded', reports });
    })();
    return () => {
      stopped = true;
    };
  }, [client, areaCode, date, attempt]);
  return [state, () => setAttempt((count) => count + 1)];
}

function Reported({ tally }: { tally: Tally | undefined }) {
  const { t } = useI18n();
  return tally ? (
    <span className="report-state report-state-sent">{t('reported.yes')}</span>
  ) : (
    <span className="report-state report-state-missing">{t('reported.no')}</span>
  );
}

type TallyRow = {
  key: string;
  heading: ReactNode;
  /** The team's home area (teams only). */
  detail?: string;
  tally: Tally | undefined;
};

/** Rows that reported or not, with their reports and dossiers; `—` where none came. */
function TallyTable({
  className,
  caption,
  columns,
  rows,
}: {
  className: string;
  caption: string;
  /** The first column's heading, and the detail column's when the rows have one. */
  columns: [string] | [string, string];
  rows: TallyRow[];
}) {
  const { t, n } = useI18n();
  const kind = className === 'reported-teams' ? 'data-team' : 'data-area';
  // Each cell names its column (data-label): on a phone the rows are laid out as cards (styles.css).
  // Their roles are said outright: a table's parts given another `display` lose them in some
  // browsers (WebKit), and a screen reader would hear the figures as loose text.
  // biome-ignore-start lint/a11y/noRedundantRoles: kept whatever the phone layout's display
  return (
    <div className="table-wrap">
      <table className={`${className} tally-table`} role="table">
        <caption>{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((column) => (
              <th key={column} scope="col" role="columnheader">
                {column}
              </th>
            ))}
            <th scope="col" role="columnheader">
              {t('reported.state')}
            </th>
            <th scope="col" role="columnheader" className="num">
              {t('reported.reports')}
            </th>
            <th scope="col" role="columnheader" className="num">
              {t('reported.dossiers')}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => (
            <tr
              key={row.key}
              role="row"
              {...{ [kind]: row.key }}
              data-reported={row.tally ? 'true' : 'false'}
            >
              <th scope="row" role="rowheader">
                {row.heading}
              </th>
              {columns[1] !== undefined ? (
                <td role="cell" className="tally-detail" data-label={columns[1]}>
                  {row.detail}
                </td>
              ) : null}
              <td role="cell" data-label={t('reported.state')}>
                <Reported tally={row.tally} />
              </td>
              <td role="cell" className="num" data-figure="reports" data-label={t('reported.reports')}>
                {row.tally ? n(row.tally.reports) : '—'}
              </td>
              <td role="cell" className="num" data-figure="dossiers" data-label={t('reported.dossiers')}>
                {row.tally ? n(row.tally.dossiers) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  // biome-ignore-end lint/a11y/noRedundantRoles: kept whatever the phone layout's display
}

function AreaRows({ rows, tally, date }: { rows: Row[]; tally: DayTally; date: string }) {
  const { t } = useI18n();
  return (
    <TallyTable
      className="reported-areas"
      caption={t('reported.areasCaption')}
      columns={[t('col.area')]}
      rows={rows.map((row) => ({
        key: row.code,
        heading:
          row.childCount > 0 ? <Link href={paths.reported(row.code, date)}>{row.name}</Link> : row.name,
        tally: tally.byArea.get(row.code),
      }))}
    />
  );
}

function TeamRows({ viewed, tally }: { viewed: string | null; tally: DayTally }) {
  const { t } = useI18n();
  const [{ data, error }] = useQuery({ query: ReportedTeamsDocument });
  if (error && !data) return <Problem error={error} />;
  const teams = (data?.teams ?? []).filter(
    (team) => viewed === null || team.homeArea.code === viewed || isUnder(team.homeArea, viewed),
  );
  if (teams.length === 0) return <p className="muted">{t('reported.noTeams')}</p>;
  return (
    <TallyTable
      className="reported-teams"
      caption={t('reported.teamsCaption')}
      columns={[t('reported.team'), t('reported.homeArea')]}
      rows={teams.map((team) => ({
        key: team.code,
        heading: team.name,
        detail: team.homeArea.name,
        tally: tally.byTeam.get(team.code),
      }))}
    />
  );
}

function isUnder(area: Lineage, ancestor: string): boolean {
  for (let at = area.parent; at; at = at.parent) if (at.code === ancestor) return true;
  return false;
}

/**
 * The day to open on when the address names none (opening-day.ts); null while it is being asked.
 * The campaigns are the scenarios rooted at the viewed area, above it or below it (any, with no area
 * viewed). Refused (an area outside the caller's), it is today: the day's own request then says why.
 */
function useOpeningDay(
  viewed: string | null,
  /** The viewed area's place in the tree; undefined while it is asked. */
  placed: Lineage | undefined,
  today: string,
  needed: boolean,
): string | null {
  const [{ data, error, fetching }] = useQuery({
    query: ReportedOpeningDocument,
    variables: { areaCode: viewed, today },
    // The day is chosen once, from what the service holds now, not from an earlier visit's answer.
    requestPolicy: 'network-only',
    pause: !needed || (viewed !== null && placed === undefined),
  });
  if (!needed || fetching || (!data && !error)) return null;
  if (!data?.actualReports) return today;
  const lastReported = data.actualReports.edges.at(-1)?.node.date ?? null;
  const campaigns: CampaignDays[] = (data.scenarios ?? [])
    .filter(
      ({ area }) =>
        placed === undefined ||
        area.code === placed.code ||
        isUnder(area, placed.code) ||
        isUnder(placed, area.code),
    )
    .map(({ calendar }) => calendar);
  return openingDay(today, lastReported, campaigns);
}

/** The rows: the viewed area's children, or the roots when no area is viewed. */
function useRows(viewed: string | null) {
  const area = useQuery({
    query: ReportedAreaDocument,
    variables: { areaCode: viewed ?? '' },
    pause: viewed === null,
  })[0];
  const roots = useQuery({
    query: ReportedRootsDocument,
    variables: { first: PAGE_SIZE },
    pause: viewed !== null,
  })[0];
  if (viewed === null) {
    const rows = roots.data?.areas?.edges.map(({ node }) => node) ?? null;
    return { area: null, rows, rowDepth: 0, error: roots.error, missing: false };
  }
  const found = area.data?.area ?? null;
  return {
    area: found,
    rows: found ? found.children : null,
    rowDepth: (found?.depth ?? 0) + 1,
    error: area.error,
    missing: area.data !== undefined && found === null,
  };
}

/** An area outside the planner's own, refused: what it may follow instead, one click away. */
function OwnAreaOnly({ area, date }: { area: { code: string; name: string | undefined }; date: string }) {
  const { t } = useI18n();
  const name = area.name ?? area.code;
  return (
    <div className="problem" role="alert" data-problem="forbidden">
      <p>{t('reported.ownOnly', { area: name })}</p>
      <p>
        <Link href={paths.reported(area.code, date)}>{t('reported.seeOwn', { area: name })}</Link>
      </p>
    </div>
  );
}

export default function ReportedView() {
  const { t, date: formatDate } = useI18n();
  const { viewer, abilities, area: ownArea } = useViewer();
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const viewed = search.get('area') ?? viewer?.areaCode ?? null;
  const asked = search.get('date') ?? '';
  const { area, rows, rowDepth, error, missing } = useRows(viewed);
  const today = campaignDay(new Date(), CAMPAIGN_TIME_ZONE);
  // An area not found (or not asked) has no day better than today.
  const unplaced = missing || error !== undefined;
  // Asked once the caller is known (its own area is the one viewed by default).
  const needed = !isIsoDate(asked) && !unplaced && viewer !== null;
  const opening = useOpeningDay(viewed, area ?? undefined, today, needed);
  const date = isIsoDate(asked) ? asked : unplaced ? today : opening;
  const [day, retry] = useDayReports(viewed, date);
  const tally = useMemo(
    () => (day.kind === 'loaded' ? tallyReports(day.reports, viewed, rowDepth) : null),
    [day, viewed, rowDepth],
  );

  if (!abilities.followsReports) return <p role="alert">{t('problem.forbidden')}</p>;
  const title = area ? t('reported.titleOf', { name: area.name }) : t('reported.title');
  if (date === null) {
    return (
      <section className="reported">
        <h1>{title}</h1>
        <Loading />
      </section>
    );
  }
  const go = (next: { area?: string | null; date?: string }) =>
    navigate(
      paths.reported(
        next.area === undefined ? (viewed ?? undefined) : (next.area ?? undefined),
        next.date ?? date,
      ),
      {
        replace: true,
      },
    );
  const reportedCount = rows && tally ? rows.filter((row) => tally.byArea.has(row.code)).length : 0;
  // A planner goes no higher than its own area.
  const upward = viewer?.role === 'ADMIN' || viewed !== viewer?.areaCode ? (area?.parent ?? null) : null;

  return (
    <section className="reported">
      <h1>{title}</h1>
      <div className="controls">
        <label>
          {t('reported.day')}
          <input
            type="date"
            value={date}
            onChange={(event) => isIsoDate(event.target.value) && go({ date: event.target.value })}
          />
        </label>
        <button type="button" onClick={() => go({ date: addDays(date, -1) })}>
          {t('reported.previousDay')}
        </button>
        <button type="button" onClick={() => go({ date: addDays(date, 1) })}>
          {t('reported.nextDay')}
        </button>
      </div>
      {upward ? (
        <p className="crumbs">
          <Link href={paths.reported(upward.code, date)}>↑ {upward.name}</Link>
        </p>
      ) : null}
      {missing ? <p role="alert">{t('areas.notFound', { code: viewed ?? '' })}</p> : null}
      {error ? <Problem error={error} /> : null}
      {day.kind === 'failed' ? (
        ownArea && viewed !== ownArea.code && problemOf(day.error) === 'forbidden' ? (
          <OwnAreaOnly area={ownArea} date={date} />
        ) : (
          <Problem error={day.error} onRetry={retry} />
        )
      ) : null}
      {day.kind === 'refused' ? <Refusal error={day.error} /> : null}
      {!rows || !tally ? (
        day.kind === 'loading' || (!rows && !error) ? (
          <Loading />
        ) : null
      ) : (
        <>
          <p className="reported-summary" data-testid="reported-summary">
            {t('reported.summary', { date: formatDate(date), reported: reportedCount, total: rows.length })}
          </p>
          {area ? (
            <p data-testid="reported-own">
              {tally.own
                ? t('reported.own', { name: area.name, dossiers: tally.own.dossiers })
                : t('reported.ownNone', { name: area.name })}
            </p>
          ) : null}
          <div className="grid-2">
            <AreaRows rows={rows} tally={tally} date={date} />
            <TeamRows viewed={viewed} tally={tally} />
          </div>
        </>
      )}
      {/* The paper tallies of teams without signal, typed up at the office (README: Who may do what). */}
      <SpreadsheetImport kind="reports" onStored={retry} />
    </section>
  );
}
