// Two or more scenarios side by side (completion, machines, machine-days and the assumptions
// behind them, the service areas have of their own among them), differences from the first
// highlighted.
import { useCallback, useEffect, useState } from 'react';
import { type CombinedError, useQuery } from 'urql';
import { Link, useSearch } from 'wouter';
import { ComparisonTable } from '../../components/comparison-table.tsx';
import { Loading, Problem, Refusal } from '../../components/problem.tsx';
import type { CompareScenarioQuery, PlanSummaryFragment } from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../routes.ts';
import { seesScenarioRoot } from '../../session/sees-scenario-root.ts';
import { useViewer } from '../../session/viewer.tsx';
import { assumptionRows } from './assumption-rows.ts';
import { summaryRows } from './plan-summary.ts';

const CompareScenarioDocument = graphql(`
  query CompareScenario($scenarioId: ID!) {
    scenario(id: $scenarioId) {
      scenarioId
      name
      areaCode
      area {
        code
        name
        depth
      }
      ...ScenarioAssumptions
      calendar {
        start
        deadline
      }
    }
  }
`);

const ComparePlanQuery = graphql(`
  query ComparePlan($scenarioId: ID!, $areaCode: String!) {
    plan(scenarioId: $scenarioId, areaCode: $areaCode) {
      __typename
      ...PlanSummary
      ... on Error {
        message
      }
    }
  }
`);

type Scenario = NonNullable<CompareScenarioQuery['scenario']>;

type Loaded = {
  scenario: Scenario;
  /** The area compared: the scenario's root, or the caller's own area below it. */
  area: { code: string; name: string };
  plan: PlanSummaryFragment | null;
  /** What the API answered instead of a plan (its type), null when it planned. */
  refusal: string | null;
};

/** What became of one id of the address: compared, not a scenario the caller sees, or failed. */
type Outcome =
  | { kind: 'loaded'; loaded: Loaded }
  | { kind: 'missing' }
  | { kind: 'failed'; error: CombinedError };

/**
 * Loads one scenario and its plan, and hands them up: at its root, or at the caller's own area when
 * the scenario is rooted above it (as the scenarios list opens it; the root would be refused).
 */
function ScenarioLoader({
  scenarioId,
  onOutcome,
}: {
  scenarioId: string;
  onOutcome(id: string, outcome: Outcome): void;
}) {
  const { area: callerArea, placing, fetching: findingCaller } = useViewer();
  const [head] = useQuery({ query: CompareScenarioDocument, variables: { scenarioId } });
  const scenario = head.data?.scenario ?? null;
  // Until the caller is found and placed, its area is not known: nothing is asked (the root would
  // be refused to a district planner, and its answer read as the district's).
  const waiting = placing || findingCaller;
  const sees = scenario && !waiting ? seesScenarioRoot(callerArea, scenario.area) : undefined;
  // Not known (the caller's place could not be read): the root, which the API judges.
  const below = sees === false && callerArea !== null;
  const areaCode = scenario === null || waiting ? null : below ? callerArea.code : scenario.area.code;
  const areaName =
    scenario === null ? null : below ? (callerArea.name ?? callerArea.code) : scenario.area.name;
  const [plan] = useQuery({
    query: ComparePlanQuery,
    variables: { scenarioId, areaCode: areaCode ?? '' },
    pause: areaCode === null,
  });
  // Only the answer for this area: urql keeps the last data while the next is asked.
  const result =
    !plan.fetching && plan.operation?.variables.areaCode === areaCode ? plan.data?.plan : undefined;
  const error = head.error ?? plan.error;
  // An id no scenario the caller sees has: answered null, never a plan to wait for.
  const missing = head.data !== undefined && scenario === null;
  useEffect(() => {
    if (error) onOutcome(scenarioId, { kind: 'failed', error });
    else if (missing) onOutcome(scenarioId, { kind: 'missing' });
    else if (scenario && areaCode !== null && areaName !== null && result) {
      onOutcome(scenarioId, {
        kind: 'loaded',
        loaded: {
          scenario,
          area: { code: areaCode, name: areaName },
          plan: result.__typename === 'CampaignPlan' ? result : null,
          refusal: result.__typename === 'CampaignPlan' ? null : result.__typename,
        },
      });
    }
  }, [scenarioId, scenario, areaCode, areaName, result, error, missing, onOutcome]);
  return null;
}

export default function CompareView() {
  const i18n = useI18n();
  const { t } = i18n;
  const ids = (new URLSearchParams(useSearch()).get('ids') ?? '').split(',').filter((id) => id !== '');
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const onOutcome = useCallback(
    (id: string, outcome: Outcome) => setOutcomes((all) => ({ ...all, [id]: outcome })),
    [],
  );
  const settled = ids.every((id) => outcomes[id] !== undefined);
  const missing = ids.filter((id) => outcomes[id]?.kind === 'missing');
  const firstError = ids.map((id) => outcomes[id]).find((outcome) => outcome?.kind === 'failed')?.error;
  const ready = ids.flatMap((id) => {
    const outcome = outcomes[id];
    return outcome?.kind === 'loaded' ? [outcome.loaded] : [];
  });
  // Scenarios that are not there are named; the rest are compared when two or more are left.
  const found = ids.length - missing.length;
  return (
    <section>
      <h1>{t('compare.title')}</h1>
      {ids.map((id) => (
        <ScenarioLoader key={id} scenarioId={id} onOutcome={onOutcome} />
      ))}
      {missing.map((id) => (
        <p key={id} role="alert">
          {t('scenario.notFound', { id })}
        </p>
      ))}
      {found < 2 ? <p role="alert">{t('compare.chooseTwo')}</p> : null}
      {firstError ? <Problem error={firstError} /> : null}
      {!settled && !firstError && found >= 2 ? <Loading /> : null}
      {settled && !firstError && ready.length >= 2 ? (
        <>
          {ready
            .filter((value) => value.refusal !== null)
            .map((value) => (
              <Refused key={value.scenario.scenarioId} name={value.scenario.name} typename={value.refusal} />
            ))}
          <ComparisonTable
            caption={t('compare.caption')}
            columns={ready.map((value) => value.scenario.name)}
            rows={[
              {
                key: 'area',
                label: t('col.area'),
                values: ready.map((value) => value.area.name),
              },
              ...summaryRows(
                i18n,
                ready.map((value) => value.plan),
              ),
              ...assumptionRows(
                i18n.locale,
                ready.map((value) => value.scenario),
              ),
            ]}
          />
          <p className="links">
            {ready.map((value) => (
              <Link
                key={value.scenario.scenarioId}
                href={paths.plan(
                  value.scenario.scenarioId,
                  value.area.code === value.scenario.area.code ? undefined : value.area.code,
                )}
              >
                {value.scenario.name}
              </Link>
            ))}
          </p>
        </>
      ) : null}
    </section>
  );
}

/**
 * A scenario the API would not plan for the comparison, in the reader's language: a refusal of the
 * caller's role or sign-in as the app says it everywhere, anything else sent to the scenario's own
 * plan, which says why (the API's sentence is English).
 */
function Refused({ name, typename }: { name: string; typename: string | null }) {
  const { t } = useI18n();
  if (typename === 'ForbiddenError' || typename === 'UnauthenticatedError') {
    return <Refusal error={{ __typename: typename, message: '' }} />;
  }
  return (
    <div className="problem" role="alert" data-problem="refused">
      <p>{t('compare.notPlanned', { name })}</p>
    </div>
  );
}
