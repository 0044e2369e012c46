// The start page: the scenarios the caller sees, each with its views, and a comparison of any two
// or more; a reporter's start page is the report form instead (its scenarios at /scenarios).
// Without a sign-in it says how to sign in (only the area tree is public).
import { lazy, useState } from 'react';
import { useQuery } from 'urql';
import { Link, useLocation } from 'wouter';
import { Requested } from '../../components/problem.tsx';
import { graphql } from '../../gql/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../routes.ts';
import { seesScenarioRoot } from '../../session/sees-scenario-root.ts';
import { useViewer } from '../../session/viewer.tsx';

const HomeScenariosQuery = graphql(`
  query HomeScenarios {
    scenarios {
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
      updatedAt
    }
  }
`);

function Scenarios() {
  const { t, date } = useI18n();
  const { abilities, area: callerArea, placing } = useViewer();
  const [{ data, fetching, error }, refetch] = useQuery({ query: HomeScenariosQuery });
  const [chosen, setChosen] = useState<string[]>([]);
  const [, navigate] = useLocation();
  const toggle = (id: string) =>
    setChosen((ids) => (ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id]));
  // Which links a scenario offers hangs on where the caller's area sits: wait for it too.
  return (
    <Requested
      fetching={fetching || placing}
      error={error}
      hasData={data !== undefined && !placing}
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {() => (
        <>
          {(data?.scenarios ?? []).length === 0 ? <p>{t('home.none')}</p> : null}
          <ul className="scenario-list">
            {(data?.scenarios ?? []).map((scenario) => {
              // A scenario rooted above the caller's area opens at that area, and offers only the
              // views read from there (what a role may not read is not offered).
              // Not known (the caller's place could not be read): the root's plan, which the API
              // judges, and none of the views read from the root.
              const sees = seesScenarioRoot(callerArea, scenario.area);
              const fromRoot = sees === true;
              const plan = paths.plan(scenario.scenarioId, sees === false ? callerArea?.code : undefined);
              return (
                <li key={scenario.scenarioId} className="card">
                  <label className="choose">
                    <input
                      type="checkbox"
                      checked={chosen.includes(scenario.scenarioId)}
                      onChange={() => toggle(scenario.scenarioId)}
                    />
                    <span className="visually-hidden">
                      {t('home.chooseToCompare', { name: scenario.name })}
                    </span>
                  </label>
                  <h2>
                    <Link href={plan}>{scenario.name}</Link>
                  </h2>
                  <p className="muted">
                    {scenario.area.name} · {date(scenario.calendar.start)} –{' '}
                    {date(scenario.calendar.deadline)}
                  </p>
                  <p className="links">
                    <Link href={plan}>{t('nav.plan')}</Link>
                    {abilities.runsWhatIf && fromRoot ? (
                      <Link href={paths.whatIf(scenario.scenarioId)}>{t('nav.whatIf')}</Link>
                    ) : null}
                    {fromRoot ? (
                      <Link href={paths.staffing(scenario.scenarioId)}>{t('nav.staffing')}</Link>
                    ) : null}
                    {fromRoot ? (
                      <Link href={paths.roster(scenario.scenarioId)}>{t('nav.roster')}</Link>
                    ) : null}
                    <Link href={paths.visits(scenario.scenarioId)}>{t('nav.visits')}</Link>
                  </p>
                </li>
              );
            })}
          </ul>
          <p>
            <button
              type="button"
              disabled={chosen.length < 2}
              onClick={() => navigate(paths.compare(chosen))}
            >
              {t('home.compare', { count: chosen.length })}
            </button>
          </p>
        </>
      )}
    </Requested>
  );
}

/** The reporter's form, loaded on first use (also at /report). */
export const ReportView = lazy(() => import('../report/report-view.tsx'));

export function ScenariosView() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('home.title')}</h1>
      <Scenarios />
    </section>
  );
}

export function HomeView() {
  const { t } = useI18n();
  const { viewer, abilities, error } = useViewer();
  if (abilities.reportsDays) return <ReportView />;
  return (
    <section>
      <h1>{t('home.title')}</h1>
      {viewer || error ? (
        <Scenarios />
      ) : (
        <div className="card">
          <p>{t('home.signedOut')}</p>
          <p>
            <Link href={paths.signIn}>{t('signIn.title')}</Link> ·{' '}
            <Link href={paths.areas()}>{t('nav.areas')}</Link>
          </p>
        </div>
      )}
    </section>
  );
}
