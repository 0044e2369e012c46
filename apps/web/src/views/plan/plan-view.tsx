// A scenario's plan for one area: headline figures, planned against actual (burn-up with the
// forecast band, and the table behind it), the plan per child area (sortable), and the communes on
// a map coloured by status (the reports' once they forecast, as the table's) or progress, and what
// must change where the plan or the reports' forecast misses the deadline. Links go down the tree
// and to the scenario's other views.
import { useEffect, useMemo, useRef, useState } from 'react';
import { type Client, type CombinedError, type OperationResult, useClient, useQuery } from 'urql';
import { Link, useParams, useSearch } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';
import { CommuneCentroidsDocument, communesOf } from '../../components/commune-centroids.ts';
import { CommuneMap, type MapPoint } from '../../components/commune-map.tsx';
import { ExportLinks } from '../../components/export-links.tsx';
import { Figures } from '../../components/figures.tsx';
import { Problem, Refusal, Requested } from '../../components/problem.tsx';
import { SpreadsheetImport } from '../../components/spreadsheet-import.tsx';
import { STATUS_COLOURS, StatusBadge } from '../../components/status-badge.tsx';
import type {
  AreaStatus,
  PlanCommuneForecastsQuery,
  PlanCommuneForecastsQueryVariables,
  PlanViewQuery,
} from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../routes.ts';
import { seesScenarioRoot } from '../../session/sees-scenario-root.ts';
import { useViewer } from '../../session/viewer.tsx';
import { type AreaCompared, type AreaProgress, areaProgress } from './area-progress.ts';
import { BurnUpChart } from './burn-up-chart.tsx';
import { communeStatus } from './commune-status.ts';
import { ForecastCompletion } from './forecast-completion.tsx';
import { machinesText } from './machines-text.ts';
import { offersReplan } from './offers-replan.ts';
import { askedWiderArea } from './opened-at-own-area.ts';
import { PlanVsActualTable } from './plan-vs-actual-table.tsx';
import { ReplanAlternatives } from './replan-alternatives.tsx';
import { SecondLookCard } from './second-look.tsx';
import { type StatusShown, statusShown } from './status-shown.ts';

// What the table and the map read of an area compared below the one asked about.
graphql(`
  fragment ComparedArea on PlanVsActual {
    areaCode
    demand
    totalActual
    reporting {
      daysReported
    }
    forecast {
      expected
    }
  }
`);

export const ScenarioHeadQuery = graphql(`
  query ScenarioHead($scenarioId: ID!) {
    scenario(id: $scenarioId) {
      scenarioId
      name
      areaCode
      area {
        code
        name
        depth
      }
      calendar {
        start
        deadline
        timeZone
      }
      hours {
        open
        close
      }
      waitTargetMinutes
    }
  }
`);

const PlanViewDocument = graphql(`
  query PlanView($scenarioId: ID!, $areaCode: String!) {
    area(code: $areaCode) {
      code
      name
      parent {
        code
        name
      }
    }
    plan(scenarioId: $scenarioId, areaCode: $areaCode) {
      __typename
      ... on CampaignPlan {
        completionDate
        area {
          code
          demand
          machines
          machinesNeeded
          dailyTarget
          status
          completionDate
        }
        areas {
          code
          name
          parentCode
          depth
          isLeaf
          demand
          machines
          machinesNeeded
          dailyTarget
          completionDate
          status
        }
      }
      ... on Error {
        message
      }
    }
    planVsActual(scenarioId: $scenarioId, areaCode: $areaCode) {
      __typename
      ... on PlanVsActual {
        totalActual
        totalPlanned
        campaignLastDay
        demand
        observedDossiersPerMachineDay
        leaves
        days {
          date
          planned
          actual
          cumulativePlanned
          cumulativeActual
          variance
          reporting
          reportedLeaves
          plannedOfReported
        }
        forecast {
          expected
          earliest
          latest
          remaining
          basedOnDays
        }
        # The table's areas, compared in the same computation (no request per row).
        children {
          ...ComparedArea
        }
        ...SecondLook
      }
      ... on Error {
        message
      }
    }
  }
`);

// The map's reports, apart from its centroids (components/commune-centroids.ts): together they
// pass the cost limit with the `__typename`s the client adds only apart.
// The page size is a variable: the API's cost limit counts a literal `first` against the query
// (issue 15 item 4) but not a variable one.
const PlanReportsQuery = graphql(`
  query PlanReports($areaCode: String!, $first: Int!) {
    actualReports(areaCode: $areaCode, first: $first) {
      edges {
        node {
          reportId
          areaCode
          dossiers
        }
      }
    }
  }
`);

// Each commune's plan vs actual, for the map's status where the communes are not the page's
// children (a province's): pages of the same comparison as the page's, the area's own fields left
// out. The page size is a variable, as the reports' above.
const PlanCommuneForecastsDocument = graphql(`
  query PlanCommuneForecasts($scenarioId: ID!, $areaCode: String!, $first: Int!, $after: String) {
    planVsActual(scenarioId: $scenarioId, areaCode: $areaCode) {
      __typename
      ... on PlanVsActual {
        byArea(level: COMMUNE, first: $first, after: $after) {
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              ...ComparedArea
            }
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

type PlanRow = Extract<PlanViewQuery['plan'], { __typename: 'CampaignPlan' }>['areas'][number];
/** Plan vs actual of the area asked about, as the page has it. */
type Compared = Extract<PlanViewQuery['planVsActual'], { __typename: 'PlanVsActual' }>;
/** A row of the plan per area with the status it shows. */
type ShownRow = PlanRow & { shown: StatusShown };
/** Each reported area's plan vs actual, by its code, in the same computation as the area asked about. */
type ComparedChild = AreaCompared & { areaCode: string };
type SortKey = 'name' | 'status' | 'machines' | 'completion' | 'forecast';

const STATUS_ORDER: AreaStatus[] = [
  'LATE',
  'BEYOND_HORIZON',
  'NO_CAPACITY',
  'NO_MACHINES',
  'SIZED',
  'ON_TIME',
  'NOTHING_TO_DO',
];

function sortRows(
  rows: readonly ShownRow[],
  progress: ReadonlyMap<string, AreaProgress | null> | null,
  key: SortKey,
  descending: boolean,
): ShownRow[] {
  const value = (row: ShownRow): string | number => {
    switch (key) {
      case 'forecast':
        // Areas without a forecast after those with one, latest last.
        return progress?.get(row.code)?.forecast ?? '9999-12-31';
      case 'status':
        return STATUS_ORDER.indexOf(row.shown.status);
      case 'machines':
        return row.machines ?? row.machinesNeeded ?? -1;
      case 'completion':
        return row.completionDate ?? '9999-12-31';
      default:
        return row.name;
    }
  };
  const sorted = [...rows].sort((a, b) => {
    const [va, vb] = [value(a), value(b)];
    return typeof va === 'number' && typeof vb === 'number'
      ? va - vb
      : String(va).localeCompare(String(vb), 'vi');
  });
  return descending ? sorted.reverse() : sorted;
}

/**
 * The plan's child areas of `areaCode`, each with its plan and, once the campaign has reports, their
 * word on it. Derived from the query's answer as it came (`areas`, `compared`): the rows are sorted
 * and compared again only when a new answer or another sort asks for it, not at each drawing.
 */
function AreaTable({
  areas,
  areaCode,
  compared,
  reported,
  deadline,
  scenarioId,
}: {
  /** Every area of the plan (the plan's `areas`). */
  areas: readonly PlanRow[];
  areaCode: string;
  /** Plan vs actual of the child areas; null where the service gave none. */
  compared: readonly ComparedChild[] | null;
  /** The campaign has reports: the reports' columns are shown. */
  reported: boolean;
  /** The scenario's deadline, ISO date. */
  deadline: string;
  scenarioId: string;
}) {
  const i18n = useI18n();
  const { t, n, date } = i18n;
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'name', descending: false });
  const rows = useMemo(() => areas.filter((row) => row.parentCode === areaCode), [areas, areaCode]);
  // The reports' word on each area by its code, once the campaign has reports; null before.
  const progress = useMemo(() => {
    if (!reported) return null;
    const comparedOf = new Map(compared?.map((child) => [child.areaCode, child]));
    return new Map(rows.map((row) => [row.code, areaProgress(comparedOf.get(row.code), deadline)]));
  }, [rows, compared, reported, deadline]);
  // Each row's status as the headline's: the reports' once they forecast its completion.
  const shownRows = useMemo(
    () =>
      rows.map((row) => ({
        ...row,
        shown: statusShown(row.status, progress?.get(row.code)?.forecast, deadline),
      })),
    [rows, progress, deadline],
  );
  const sorted = useMemo(
    () => sortRows(shownRows, progress, sort.key, sort.descending),
    [shownRows, progress, sort],
  );
  const header = (key: SortKey, label: string, numeric = false) => (
    <th
      scope="col"
      className={numeric ? 'num' : undefined}
      aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
    >
      <button
        type="button"
        className="sort"
        onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }))}
      >
        {label}
        {sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  return (
    <div className="table-wrap">
      <table className="plan-areas">
        <caption>{t('plan.perArea')}</caption>
        <thead>
          <tr>
            {header('name', t('col.area'))}
            {header('status', t('col.status'))}
            {progress ? (
              <>
                <th scope="col" className="num">
                  {t('col.reportedShare')}
                </th>
                {header('forecast', t('pva.forecast'))}
              </>
            ) : null}
            <th scope="col" className="num">
              {t('col.demand')}
            </th>
            {header('machines', t('col.machines'), true)}
            <th scope="col" className="num">
              {t('col.dailyTarget')}
            </th>
            {header('completion', t('col.completion'))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.code}>
              <th scope="row">
                {row.isLeaf ? row.name : <Link href={paths.plan(scenarioId, row.code)}>{row.name}</Link>}
              </th>
              <td data-testid="area-status">
                <ShownStatus shown={row.shown} />
              </td>
              {progress ? <ProgressCells progress={progress.get(row.code) ?? null} /> : null}
              <td className="num">{n(row.demand)}</td>
              <td className="num">{machinesText(i18n, row)}</td>
              <td className="num">
                {row.dailyTarget === null || row.dailyTarget === undefined ? '—' : n(row.dailyTarget)}
              </td>
              <td>{row.completionDate ? date(row.completionDate) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A row's status, and whose it is where it is the reports' (the plan's columns beside it say otherwise). */
function ShownStatus({ shown }: { shown: StatusShown }) {
  const { t } = useI18n();
  return (
    <>
      <StatusBadge status={shown.status} />
      {shown.byReports ? <span className="muted"> {t('plan.byReports')}</span> : null}
    </>
  );
}

/** An area's share reported and its forecast, flagged after the deadline; dashes where it has no report. */
function ProgressCells({ progress }: { progress: AreaProgress | null }) {
  const { pct } = useI18n();
  return (
    <>
      <td className="num" data-testid="area-reported">
        {progress ? pct(progress.shareDone) : '—'}
      </td>
      <td data-testid="area-forecast">
        <ForecastCompletion
          forecast={progress?.forecast ?? null}
          late={progress?.late ?? false}
          compact
          lateTestId="area-forecast-late"
        />
      </td>
    </>
  );
}

type Colouring = 'status' | 'progress';

/** The API's largest page of reports. */
const REPORTS_PAGE = 500;

/** Share of demand reported, by the commune's own reports or else its nearest reporting ancestor's. */
function progressOf(
  code: string,
  parentOf: Map<string, string | null>,
  reported: Map<string, number>,
  demandOf: Map<string, number>,
): number | null {
  for (let at: string | null | undefined = code; at; at = parentOf.get(at)) {
    const dossiers = reported.get(at);
    const demand = demandOf.get(at);
    if (dossiers !== undefined && demand) return Math.min(dossiers / demand, 1);
  }
  return null;
}

function progressColour(share: number | null): string {
  if (share === null) return '#cbd5e1';
  // Light to dark orange as the share reported grows.
  const lightness = 85 - Math.round(share * 55);
  return `hsl(24 85% ${lightness}%)`;
}

/**
 * Communes in a page of plan vs actual by area (`PlanVsActual.byArea`, about 210 fit the API's cost
 * limit): 50 a page keeps each answer quick and the page's own requests light.
 */
const COMMUNES_PAGE = 50;

type CommuneForecasts =
  | { kind: 'unneeded' }
  | { kind: 'loading' }
  | { kind: 'failed'; error: CombinedError }
  | { kind: 'refused'; error: { __typename?: string; message: string } }
  | { kind: 'loaded'; compared: ComparedChild[] };

function communesPage(
  client: Client,
  variables: PlanCommuneForecastsQueryVariables,
): Promise<OperationResult<PlanCommuneForecastsQuery, PlanCommuneForecastsQueryVariables>> {
  // The page's own comparison decides when they are stale (`answered`), not the cache.
  return client.query(PlanCommuneForecastsDocument, variables, { requestPolicy: 'network-only' }).toPromise();
}

/**
 * Every commune's plan vs actual under `areaCode`, page after page, when `wanted`; asked again when
 * the page's own comparison says other reports (`answered` differs) or on retry.
 */
function useCommuneForecasts(
  scenarioId: string,
  areaCode: string,
  wanted: boolean,
  answered: string,
): [CommuneForecasts, () => void] {
  const client = useClient();
  const [state, setState] = useState<CommuneForecasts>({ kind: 'unneeded' });
  const [attempt, setAttempt] = useState(0);
  // What the communes loaded answer for: the map coloured by progress and back keeps them.
  const loadedFor = useRef<string | null>(null);
  useEffect(() => {
    const key = JSON.stringify([scenarioId, areaCode, answered, attempt]);
    if (!wanted || loadedFor.current === key) return;
    let stopped = false;
    setState({ kind: 'loading' });
    void (async () => {
      const compared: ComparedChild[] = [];
      let after: string | null = null;
      do {
        const { data, error } = await communesPage(client, {
          scenarioId,
          areaCode,
          first: COMMUNES_PAGE,
          after,
        });
        if (stopped) return;
        const answer = data?.planVsActual;
        if (answer && answer.__typename !== 'PlanVsActual') {
          setState({ kind: 'refused', error: answer });
          return;
        }
        const page = answer?.byArea;
        if (error || !page) {
          setState(error ? { kind: 'failed', error } : { kind: 'loaded', compared });
          return;
        }
        compared.push(...page.edges.map(({ node }) => node));
        after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
      } while (after !== null);
      loadedFor.current = key;
      setState({ kind: 'loaded', compared });
    })();
    return () => {
      stopped = true;
    };
  }, [client, scenarioId, areaCode, wanted, answered, attempt]);
  return [state, () => setAttempt((count) => count + 1)];
}

/** A commune on the map with the status it is given, whether or not the map is coloured by it. */
type ShownPoint = MapPoint & {
  status: AreaStatus;
  byReports: boolean;
  /** Its status is the reports' of an area above it, its own giving no forecast. */
  inherited: boolean;
};

/** A legend's mark: a dot for the plan's status, a diamond for the reports'. */
function KeyMark({ colour, byReports }: { colour: string; byReports: boolean }) {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" style={{ marginRight: '0.3rem' }}>
      {byReports ? (
        <path d="M6,0.5l5.5,5.5l-5.5,5.5l-5.5,-5.5z" fill={colour} />
      ) : (
        <circle cx="6" cy="6" r="5" fill={colour} />
      )}
    </svg>
  );
}

function PlanMap({
  scenarioId,
  areaCode,
  rows,
  compared,
  reported,
  deadline,
}: {
  scenarioId: string;
  areaCode: string;
  /** Every area of the plan (the plan's `areas`). */
  rows: readonly PlanRow[];
  /** Plan vs actual of the area and its children; null where the service gave none. */
  compared: Compared | null;
  /** The campaign has reports. */
  reported: boolean;
  /** The scenario's deadline, ISO date. */
  deadline: string;
}) {
  const { t, pct } = useI18n();
  const [colouring, setColouring] = useState<Colouring>('status');
  const [{ data, error }] = useQuery({ query: CommuneCentroidsDocument, variables: { areaCode } });
  const [{ data: reports, error: reportsError }] = useQuery({
    query: PlanReportsQuery,
    variables: { areaCode, first: REPORTS_PAGE },
  });
  // The page compares its children: the communes' own forecasts need asking for only where they are
  // further down (a province's), and only once there are reports to forecast from.
  const communesBelowChildren = useMemo(
    () => rows.some((row) => row.isLeaf && row.code !== areaCode && row.parentCode !== areaCode),
    [rows, areaCode],
  );
  const [communes, retryCommunes] = useCommuneForecasts(
    scenarioId,
    areaCode,
    reported && communesBelowChildren && colouring === 'status',
    // What the reports say on each day and in each area below: other reports, other answers (a
    // correction moving dossiers between communes of one district on one day moves its total).
    JSON.stringify([
      compared?.days.map((day) => day.actual),
      compared?.children.map((child) => [child.areaCode, child.totalActual, child.reporting.daysReported]),
    ]),
  );
  const points = useMemo<ShownPoint[]>(() => {
    if (!data) return [];
    const rowOf = new Map(rows.map((row) => [row.code, row]));
    const parentOf = new Map(rows.map((row) => [row.code, row.parentCode ?? null]));
    const demandOf = new Map(rows.map((row) => [row.code, row.demand]));
    const dossiersOf = new Map<string, number>();
    for (const { node } of reports?.actualReports?.edges ?? []) {
      dossiersOf.set(node.areaCode, (dossiersOf.get(node.areaCode) ?? 0) + node.dossiers);
    }
    // Each forecast the page knows: the area's own (as the headline's), its children's and, once
    // loaded, each commune's (as the rows of the plan per area read theirs).
    const forecastOf = new Map<string, string | null>([[areaCode, compared?.forecast?.expected ?? null]]);
    const below = [...(compared?.children ?? []), ...(communes.kind === 'loaded' ? communes.compared : [])];
    for (const child of below) {
      forecastOf.set(child.areaCode, areaProgress(child, deadline)?.forecast ?? null);
    }
    return communesOf(data).flatMap((commune) => {
      const row = rowOf.get(commune.code);
      if (!row) return [];
      const share = progressOf(commune.code, parentOf, dossiersOf, demandOf);
      const shown = communeStatus(commune.code, row.status, forecastOf, parentOf, deadline);
      const statusLabel = !shown.byReports
        ? t(`status.${shown.status}`)
        : shown.reportsOf === null
          ? t('map.statusByReports', { status: t(`status.${shown.status}`) })
          : t('map.statusByReportsOf', {
              status: t(`status.${shown.status}`),
              area: rowOf.get(shown.reportsOf)?.name ?? shown.reportsOf,
            });
      return [
        {
          code: commune.code,
          name: commune.name,
          latitude: commune.latitude,
          longitude: commune.longitude,
          status: shown.status,
          byReports: shown.byReports,
          inherited: shown.reportsOf !== null,
          ...(colouring === 'status'
            ? {
                colour: shown.colour,
                label: statusLabel,
                shape: shown.byReports ? ('diamond' as const) : ('dot' as const),
              }
            : { colour: progressColour(share), label: share === null ? t('map.noReport') : pct(share) }),
        },
      ];
    });
  }, [data, reports, rows, areaCode, compared, communes, deadline, colouring, t, pct]);
  // The legend: each status shown, the reports' apart from the plan's, most pressing first.
  const key = useMemo(() => {
    const counted = new Map<string, { status: AreaStatus; byReports: boolean; count: number }>();
    for (const p of points) {
      const id = `${p.status}:${p.byReports}`;
      const entry = counted.get(id) ?? { status: p.status, byReports: p.byReports, count: 0 };
      entry.count += 1;
      counted.set(id, entry);
    }
    return [...counted.values()].sort(
      (a, b) =>
        STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
        Number(b.byReports) - Number(a.byReports),
    );
  }, [points]);
  const problem = error ?? reportsError;
  if (problem) return <Problem error={problem} />;
  if (points.length === 0) return null;
  return (
    <section className="card">
      <h2>{t('map.title')}</h2>
      <fieldset className="controls">
        <legend>{t('map.colourBy')}</legend>
        {(['status', 'progress'] as const).map((mode) => (
          <label key={mode} className="inline">
            <input
              type="radio"
              name="colouring"
              checked={colouring === mode}
              onChange={() => setColouring(mode)}
            />
            {t(`map.by.${mode}`)}
          </label>
        ))}
      </fieldset>
      {colouring === 'status' ? (
        // The table below says each commune's status in words; the legend tells the marks apart.
        <div className="legend" aria-hidden="true" data-testid="map-key">
          {key.map((entry) => (
            <div key={`${entry.status}:${entry.byReports}`}>
              <KeyMark colour={STATUS_COLOURS[entry.status]} byReports={entry.byReports} />
              {t('map.keyEntry', {
                label: entry.byReports
                  ? t('map.statusByReports', { status: t(`status.${entry.status}`) })
                  : t(`status.${entry.status}`),
                count: entry.count,
              })}
            </div>
          ))}
        </div>
      ) : null}
      <CommuneMap points={points} title={t('map.alt', { count: points.length })} />
      {colouring === 'status' && points.some((p) => p.inherited) ? (
        <p className="muted">{t('map.inherited')}</p>
      ) : null}
      {colouring === 'status' && communes.kind === 'loading' ? (
        <p className="muted" role="status">
          {t('map.loadingForecasts')}
        </p>
      ) : null}
      {communes.kind === 'failed' ? <Problem error={communes.error} onRetry={retryCommunes} /> : null}
      {communes.kind === 'refused' ? <Refusal error={communes.error} /> : null}
      <details className="chart-table">
        <summary>{t('chart.table')}</summary>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('col.commune')}</th>
                <th scope="col">{colouring === 'status' ? t('col.status') : t('col.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.code}>
                  <th scope="row">{p.name}</th>
                  <td>{p.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function Plan({
  scenarioId,
  areaCode,
  scenarioName,
  scenarioStart,
  scenarioDeadline,
  rootName,
  fromRoot,
  openedInsteadOf,
}: {
  scenarioId: string;
  areaCode: string;
  scenarioName: string;
  scenarioStart: string;
  scenarioDeadline: string;
  /** The name of the scenario's root area, whose planners may save what is planned from it. */
  rootName: string;
  /** The caller sees the scenario's root: the views planned from it, and a planner's changes, are offered. */
  fromRoot: boolean;
  /** The wider area the link named, which the caller may not read: the plan opened at its own instead. */
  openedInsteadOf: string | null;
}) {
  const i18n = useI18n();
  const { t, n, date } = i18n;
  const { viewer, abilities, area: callerArea } = useViewer();
  // Saving a re-plan (a new scenario with this one's root) and importing this scenario's machines
  // are the service's to refuse below the root: a district planner reads a province's scenario
  // from its district but plans only scenarios rooted in its own area.
  const plansScenario = abilities.savesScenarios && fromRoot;
  // Whether the caller may save is known once it and its place in the tree are: a planner who may
  // is never told, even for a moment, that it may not.
  const knowsCaller = viewer !== null && (callerArea === null || callerArea.depth !== undefined);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: PlanViewDocument,
    variables: { scenarioId, areaCode },
  });
  return (
    <Requested
      fetching={fetching}
      error={error}
      hasData={data !== undefined}
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {() => {
        if (!data) return null;
        const plan = data.plan;
        if (plan.__typename !== 'CampaignPlan') return <Refusal error={plan} />;
        const pva = data.planVsActual.__typename === 'PlanVsActual' ? data.planVsActual : null;
        const hasChildren = plan.areas.some((row) => row.parentCode === areaCode);
        const names = new Map(plan.areas.map((row) => [row.code, row.name]));
        const areaName = (code: string) => names.get(code) ?? code;
        // Once the reports forecast a completion, the status beside it is theirs: never "on time"
        // beside a forecast after the deadline. Before, it is the saved plan's.
        const shown = statusShown(plan.area.status, pva?.forecast?.expected, scenarioDeadline);
        const reported = pva?.days.some((day) => day.actual !== null && day.actual !== undefined) ?? false;
        return (
          <>
            <nav className="crumbs" aria-label={t('plan.crumbs')}>
              {/* Above the caller's own area is outside what it sees. */}
              {data.area?.parent && callerArea?.code !== areaCode ? (
                <Link href={paths.plan(scenarioId, data.area.parent.code)}>↑ {data.area.parent.name}</Link>
              ) : null}
            </nav>
            <h1>
              {data.area?.name ?? areaCode} <span className="muted">·&nbsp;{scenarioName}</span>
            </h1>
            {openedInsteadOf !== null ? (
              <p data-testid="opened-at-own-area">
                {t('plan.openedAtOwnArea', { asked: openedInsteadOf, area: data.area?.name ?? areaCode })}
              </p>
            ) : null}
            <p className="links no-print">
              {abilities.runsWhatIf && fromRoot ? (
                <Link href={paths.whatIf(scenarioId)}>{t('nav.whatIf')}</Link>
              ) : null}
              {fromRoot ? <Link href={paths.staffing(scenarioId, areaCode)}>{t('nav.staffing')}</Link> : null}
              {fromRoot ? <Link href={paths.roster(scenarioId)}>{t('nav.roster')}</Link> : null}
              <Link href={paths.visits(scenarioId)}>{t('nav.visits')}</Link>
            </p>
            <ExportLinks
              views={['plan', 'daily', 'plan-vs-actual']}
              scenarioId={scenarioId}
              areaCode={areaCode}
            />
            <Figures
              items={[
                {
                  label: shown.byReports ? t('plan.statusByReports') : t('plan.planStatus'),
                  value: <StatusBadge status={shown.status} />,
                },
                { label: t('col.demand'), value: n(plan.area.demand) },
                { label: t('col.machines'), value: machinesText(i18n, plan.area) },
                { label: t('col.completion'), value: plan.completionDate ? date(plan.completionDate) : '—' },
                ...(pva
                  ? [
                      { label: t('pva.totalActual'), value: n(pva.totalActual), testId: 'total-actual' },
                      {
                        label: t('pva.forecast'),
                        value: (
                          <ForecastCompletion
                            forecast={pva.forecast?.expected ?? null}
                            late={shown.byReports && shown.status === 'LATE'}
                            lateTestId="forecast-late"
                          />
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            {pva ? <SecondLookCard compared={pva} areaName={areaName} /> : null}
            {pva ? (
              <section>
                <h2>{t('pva.title')}</h2>
                <BurnUpChart days={pva.days} forecast={pva.forecast ?? null} />
                <PlanVsActualTable days={pva.days} leaves={pva.leaves} forecast={pva.forecast ?? null} />
              </section>
            ) : data.planVsActual.__typename !== 'PlanVsActual' ? (
              <Refusal error={data.planVsActual} />
            ) : null}
            {offersReplan(plan.area.status, pva?.forecast?.expected, scenarioDeadline) ? (
              <ReplanAlternatives
                // The day chosen belongs to one area of one scenario: another starts again from its own.
                key={`${scenarioId}:${areaCode}`}
                scenarioId={scenarioId}
                areaCode={areaCode}
                areaName={data.area?.name ?? areaCode}
                scenarioName={scenarioName}
                lastReported={pva?.days.findLast((day) => day.actual != null)?.date ?? null}
                start={scenarioStart}
                lastDay={pva?.campaignLastDay ?? scenarioDeadline}
                maySave={knowsCaller ? plansScenario : undefined}
                rootName={rootName}
              />
            ) : null}
            <div className="grid-2">
              {hasChildren ? (
                <AreaTable
                  areas={plan.areas}
                  areaCode={areaCode}
                  compared={pva?.children ?? null}
                  reported={reported}
                  deadline={scenarioDeadline}
                  scenarioId={scenarioId}
                />
              ) : null}
              <PlanMap
                scenarioId={scenarioId}
                areaCode={areaCode}
                rows={plan.areas}
                compared={pva}
                reported={reported}
                deadline={scenarioDeadline}
              />
            </div>
            {plansScenario ? <SpreadsheetImport kind="machines" scenarioId={scenarioId} /> : null}
          </>
        );
      }}
    </Requested>
  );
}

export default function PlanView() {
  const { id = '' } = useParams<{ id: string }>();
  const area = new URLSearchParams(useSearch()).get('area');
  const { t } = useI18n();
  const { area: callerArea } = useViewer();
  const openedInsteadOf = askedWiderArea(useHistoryState());
  const [{ data, fetching, error }] = useQuery({ query: ScenarioHeadQuery, variables: { scenarioId: id } });
  return (
    <Requested fetching={fetching} error={error} hasData={data !== undefined}>
      {() =>
        data?.scenario ? (
          <Plan
            scenarioId={id}
            areaCode={area ?? data.scenario.areaCode}
            scenarioName={data.scenario.name}
            scenarioStart={data.scenario.calendar.start}
            scenarioDeadline={data.scenario.calendar.deadline}
            rootName={data.scenario.area.name}
            fromRoot={seesScenarioRoot(callerArea, data.scenario.area) ?? false}
            openedInsteadOf={openedInsteadOf}
          />
        ) : (
          <p role="alert">{t('scenario.notFound', { id })}</p>
        )
      }
    </Requested>
  );
}
