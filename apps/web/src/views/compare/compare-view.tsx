// Two or more scenarios side by side (completion, machines, machine-days and the assumptions
// behind them), differences from the first highlighted.
import { useCallback, useEffect, useState } from 'react';
import { type CombinedError, useQuery } from 'urql';
import { Link, useSearch } from 'wouter';
import { ComparisonTable } from '../../components/comparison-table.tsx';
import { Loading, Problem, Refusal } from '../../components/problem.tsx';
import type { CompareScenarioQuery, PlanSummaryFragment } from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../routes.ts';
import { summaryRows } from './plan-summary.ts';

const CompareScenarioDocument = graphql(`
  query CompareScenario($scenarioId: ID!) {
    scenario(id: $scenarioId) {
      scenarioId
      name
      areaCode
      hours {
        open
        close
      }
      service {
        minutesPerDossier
        availability
      }
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

type Loaded = {
  scenario: NonNullable<CompareScenarioQuery['scenario']>;
  plan: PlanSummaryFragment | null;
  refusal: string | null;
};

/** Loads one scenario and its plan at its root, and hands them up. */
function ScenarioLoader({
  scenarioId,
  onLoaded,
  onError,
}: {
  scenarioId: string;
  onLoaded(id: string, loaded: Loaded): void;
  onError(id: string, error: CombinedError): void;
}) {
  const [head] = useQuery({ query: CompareScenarioDocument, variables: { scenarioId } });
  const scenario = head.data?.scenario ?? null;
  const [plan] = useQuery({
    query: ComparePlanQuery,
    variables: { scenarioId, areaCode: scenario?.areaCode ?? '' },
    pause: scenario === null,
  });
  const result = plan.data?.plan;
  const error = head.error ?? plan.error;
  useEffect(() => {
    if (error) onError(scenarioId, error);
    else if (scenario && result) {
      onLoaded(scenarioId, {
        scenario,
        plan: result.__typename === 'CampaignPlan' ? result : null,
        refusal: result.__typename === 'CampaignPlan' ? null : result.message,
      });
    }
  }, [scenarioId, scenario, result, error, onLoaded, onError]);
  return null;
}

export default function CompareView() {
  const i18n = useI18n();
  const { t, n } = i18n;
  const ids = (new URLSearchParams(useSearch()).get('ids') ?? '').split(',').filter((id) => id !== '');
  const [loaded, setLoaded] = useState<Record<string, Loaded>>({});
  const [errors, setErrors] = useState<Record<string, CombinedError>>({});
  const onLoaded = useCallback(
    (id: string, value: Loaded) => setLoaded((all) => ({ ...all, [id]: value })),
    [],
  );
  const onError = useCallback(
    (id: string, error: CombinedError) => setErrors((all) => ({ ...all, [id]: error })),
    [],
  );
  const ready = ids.map((id) => loaded[id]).filter((value): value is Loaded => value !== undefined);
  const firstError = Object.values(errors)[0];
  return (
    <section>
      <h1>{t('compare.title')}</h1>
      {ids.map((id) => (
        <ScenarioLoader key={id} scenarioId={id} onLoaded={onLoaded} onError={onError} />
      ))}
      {ids.length < 2 ? <p role="alert">{t('compare.chooseTwo')}</p> : null}
      {firstError ? <Problem error={firstError} /> : null}
      {ready.length < ids.length && !firstError ? <Loading /> : null}
      {ready.length === ids.length && ids.length >= 2 ? (
        <>
          {ready
            .filter((value) => value.refusal !== null)
            .map((value) => (
              <Refusal
                key={value.scenario.scenarioId}
                error={{ message: `${value.scenario.name}: ${value.refusal}` }}
              />
            ))}
          <ComparisonTable
            caption={t('compare.caption')}
            columns={ready.map((value) => value.scenario.name)}
            rows={[
              ...summaryRows(
                i18n,
                ready.map((value) => value.plan),
              ),
              {
                key: 'hours',
                label: t('whatIf.hours'),
                values: ready.map((value) => `${value.scenario.hours.open}–${value.scenario.hours.close}`),
              },
              {
                key: 'minutesPerDossier',
                label: t('whatIf.minutesPerDossier'),
                values: ready.map((value) => n(value.scenario.service.minutesPerDossier, 2)),
              },
              {
                key: 'availability',
                label: t('whatIf.availability'),
                values: ready.map((value) => i18n.pct(value.scenario.service.availability ?? 1)),
              },
            ]}
          />
          <p className="links">
            {ready.map((value) => (
              <Link key={value.scenario.scenarioId} href={paths.plan(value.scenario.scenarioId)}>
                {value.scenario.name}
              </Link>
            ))}
          </p>
        </>
      ) : null}
    </section>
  );
}
