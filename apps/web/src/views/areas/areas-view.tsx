// The area tree (province → district → commune, or province → commune): each area's population,
// eligible, and — from a scenario's plan, asked where the caller may read it (plan-area.ts) —
// demand and status; search by name with or without diacritics ("Dak Glong" finds "Đăk Glong").
// Names and the tree are public; figures need a token.
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Link, useParams } from 'wouter';
import { Requested } from '../../components/problem.tsx';
import { SpreadsheetImport } from '../../components/spreadsheet-import.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import type { AreaStatus, AreaTreeQuery } from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { foldName } from '../../i18n/normalize.ts';
import { paths } from '../../routes.ts';
import { useViewer } from '../../session/viewer.tsx';
import { planArea } from './plan-area.ts';

const AreaRootsQuery = graphql(`
  query AreaRoots($first: Int!) {
    areas(roots: true, first: $first) {
      edges {
        node {
          code
          name
          level
          childCount
        }
      }
    }
  }
`);

const AreaTreeDocument = graphql(`
  query AreaTree($code: String!, $withFigures: Boolean!) {
    area(code: $code) {
      code
      name
      level
      population @include(if: $withFigures)
      eligible @include(if: $withFigures)
      parent {
        code
        name
      }
      children {
        code
        name
        level
        population @include(if: $withFigures)
        eligible @include(if: $withFigures)
        children {
          code
          name
          level
          population @include(if: $withFigures)
          eligible @include(if: $withFigures)
        }
      }
    }
  }
`);

const AreaScenariosQuery = graphql(`
  query AreaScenarios {
    scenarios {
      scenarioId
      name
      areaCode
    }
  }
`);

const AreaPlanQuery = graphql(`
  query AreaPlan($scenarioId: ID!, $areaCode: String!) {
    plan(scenarioId: $scenarioId, areaCode: $areaCode) {
      __typename
      ... on CampaignPlan {
        areas {
          code
          demand
          status
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/** The most roots one page lists: 63 provinces in 2021, 34 after 2025. */
const ROOTS_PAGE = 100;

type TreeArea = NonNullable<AreaTreeQuery['area']>;
type Row = {
  code: string;
  name: string;
  level: string;
  depth: number;
  parentCode: string | null;
  population?: number | null;
  eligible?: number | null;
  hasChildren: boolean;
};

function rowsOf(area: TreeArea): Row[] {
  const rows: Row[] = [];
  const visit = (
    node: Omit<TreeArea, 'parent'> & { children?: unknown },
    depth: number,
    parentCode: string | null,
  ) => {
    const children = (node.children ?? []) as (Omit<TreeArea, 'parent'> & { children?: unknown })[];
    rows.push({
      code: node.code,
      name: node.name,
      level: node.level,
      depth,
      parentCode,
      population: node.population,
      eligible: node.eligible,
      hasChildren: children.length > 0,
    });
    for (const child of children) visit(child, depth + 1, node.code);
  };
  visit(area, 0, null);
  return rows;
}

function Roots() {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: AreaRootsQuery, variables: { first: ROOTS_PAGE } });
  return (
    <Requested fetching={fetching} error={error} hasData={data !== undefined}>
      {() => (
        <ul className="root-list">
          {data?.areas?.edges.map(({ node }) => (
            <li key={node.code}>
              <Link href={paths.areas(node.code)}>{node.name}</Link>{' '}
              <span className="muted">{t('areas.children', { count: node.childCount })}</span>
            </li>
          ))}
        </ul>
      )}
    </Requested>
  );
}

function Tree({ code }: { code: string }) {
  const { t, n } = useI18n();
  const { viewer, abilities } = useViewer();
  const withFigures = viewer !== null;
  const [{ data, fetching, error }] = useQuery({ query: AreaTreeDocument, variables: { code, withFigures } });
  const [scenarios] = useQuery({ query: AreaScenariosQuery, pause: !withFigures });
  const [chosenScenario, setChosenScenario] = useState<string | null>(null);
  const scenario =
    scenarios.data?.scenarios?.find((s) => s.scenarioId === chosenScenario) ?? scenarios.data?.scenarios?.[0];
  const scenarioId = scenario?.scenarioId ?? null;
  const rows = useMemo(() => (data?.area ? rowsOf(data.area) : []), [data]);
  const planAreaCode = planArea(code, rows, [viewer?.areaCode, scenario?.areaCode]);
  const [plan] = useQuery({
    query: AreaPlanQuery,
    variables: { scenarioId: scenarioId ?? '', areaCode: planAreaCode },
    pause: scenarioId === null || data?.area == null,
  });
  const planned = useMemo(() => {
    const rows = plan.data?.plan.__typename === 'CampaignPlan' ? plan.data.plan.areas : [];
    return new Map<string, { demand: number; status: AreaStatus }>(rows.map((r) => [r.code, r]));
  }, [plan.data]);
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<Set<string>>(new Set());
  const visible = useMemo(() => {
    const folded = foldName(search);
    if (folded === '')
      return rows.filter((row) => row.depth <= 1 || (row.parentCode !== null && open.has(row.parentCode)));
    const parentOf = new Map(rows.map((row) => [row.code, row.parentCode]));
    const keep = new Set<string>();
    for (const row of rows) {
      if (!foldName(row.name).includes(folded)) continue;
      for (let at: string | null | undefined = row.code; at; at = parentOf.get(at)) keep.add(at);
    }
    return rows.filter((row) => keep.has(row.code));
  }, [rows, search, open]);
  const toggle = (areaCode: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(areaCode)) next.delete(areaCode);
      else next.add(areaCode);
      return next;
    });
  const dash = (value: number | null | undefined) => (value === null || value === undefined ? '—' : n(value));
  return (
    <Requested fetching={fetching} error={error} hasData={data !== undefined}>
      {() =>
        data?.area ? (
          <>
            <p className="crumbs">
              {data.area.parent ? (
                <Link href={paths.areas(data.area.parent.code)}>↑ {data.area.parent.name}</Link>
              ) : (
                <Link href={paths.areas()}>↑ {t('areas.roots')}</Link>
              )}
            </p>
            <h1>{data.area.name}</h1>
            <div className="controls">
              <label>
                {t('areas.search')}
                <input
                  type="search"
                  name="search"
                  value={search}
                  placeholder={t('areas.searchHint')}
                  onChange={(e) => setSearch(e.target.value)}
                />
              </label>
              {withFigures && (scenarios.data?.scenarios?.length ?? 0) > 0 ? (
                <label>
                  {t('areas.scenario')}
                  <select
                    value={scenarioId ?? ''}
                    onChange={(e) => setChosenScenario(e.target.value)}
                    name="scenario"
                  >
                    {scenarios.data?.scenarios?.map((s) => (
                      <option key={s.scenarioId} value={s.scenarioId}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
            </div>
            {!withFigures ? <p className="muted">{t('areas.signInForFigures')}</p> : null}
            {search !== '' ? (
              <p role="status" className="muted">
                {t('areas.found', {
                  count: visible.filter((row) => foldName(row.name).includes(foldName(search))).length,
                })}
              </p>
            ) : null}
            <div className="table-wrap">
              <table className="area-tree">
                <caption className="visually-hidden">{t('areas.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('col.area')}</th>
                    <th scope="col" className="num">
                      {t('col.population')}
                    </th>
                    <th scope="col" className="num">
                      {t('col.eligible')}
                    </th>
                    <th scope="col" className="num">
                      {t('col.demand')}
                    </th>
                    <th scope="col">{t('col.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {visible.map((row) => {
                    const p = planned.get(row.code);
                    return (
                      <tr key={row.code} data-code={row.code}>
                        <th scope="row">
                          <span className="tree-row" style={{ '--depth': row.depth } as React.CSSProperties}>
                            {row.depth === 1 && row.hasChildren && search === '' ? (
                              <button
                                type="button"
                                className="sort"
                                aria-expanded={open.has(row.code)}
                                aria-label={t(open.has(row.code) ? 'areas.collapse' : 'areas.expand', {
                                  name: row.name,
                                })}
                                onClick={() => toggle(row.code)}
                              >
                                {open.has(row.code) ? '▾' : '▸'}
                              </button>
                            ) : null}{' '}
                            {row.depth > 0 && row.hasChildren ? (
                              <Link href={paths.areas(row.code)}>{row.name}</Link>
                            ) : (
                              row.name
                            )}
                          </span>
                        </th>
                        <td className="num">{dash(row.population)}</td>
                        <td className="num">{dash(row.eligible)}</td>
                        <td className="num">{dash(p?.demand)}</td>
                        <td>{p ? <StatusBadge status={p.status} /> : '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {abilities.savesScenarios ? <SpreadsheetImport kind="areas" /> : null}
          </>
        ) : (
          <p role="alert">{t('areas.notFound', { code })}</p>
        )
      }
    </Requested>
  );
}

export default function AreasView() {
  const { code } = useParams<{ code?: string }>();
  const { t } = useI18n();
  const { viewer } = useViewer();
  const root = code ?? viewer?.areaCode ?? null;
  if (root) return <Tree key={root} code={root} />;
  return (
    <section>
      <h1>{t('nav.areas')}</h1>
      <Roots />
    </section>
  );
}
