// When an area is late, by its plan or by its reports' forecast: the scenario replanned from the
// reports up to a day the planner picks (the last reported day unless changed, within the campaign;
// a day typed outside it is said so under the box, the replan shown kept), at the pace the planner
// picks, and what must change to make the deadline — each alternative the API checked by planning
// with it, worded from the catalogue with its figures; those the API says cannot make it
// (replan-words.ts) listed apart, greyed and crossed, each saying why. A planner of the scenario's
// root area may save the replan as a scenario of the remaining campaign; anyone else is told who can.
import { type FormEvent, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { Refusal, Requested } from '../../components/problem.tsx';
import type { ReplanPace } from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import { checkDay } from '../../i18n/field-checks.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../routes.ts';
import { replanAsOf } from './replan-as-of.ts';
import { replanWords } from './replan-words.ts';

const ReplanAlternativesDocument = graphql(`
  query ReplanAlternatives($scenarioId: ID!, $areaCode: String!, $asOf: Date!, $pace: ReplanPace) {
    replan(scenarioId: $scenarioId, areaCode: $areaCode, asOf: $asOf, pace: $pace) {
      __typename
      ... on Replan {
        start
        whatMustChange {
          deadline
          completionDate
          alternatives {
            __typename
            ... on MachinesAlternative {
              addedMachines
              movedMachines
              changes {
                areaCode
                name
                machinesGained
                machinesBefore
                machinesAfter
              }
              lateAreas {
                areaCode
                name
                poolAreaCode
                remainingDossiers
              }
              sentence
            }
            ... on HoursAlternative {
              open
              close
              addedMinutesPerDay
              sentence
            }
            ... on PaceAlternative {
              dossiersPerMachineDay
              currentDossiersPerMachineDay
              aboveDayMaximum
              sentence
            }
            ... on DeadlineAlternative {
              deadline
              slipOpenDays
              sentence
            }
            ... on InfeasibleAlternative {
              alternative
              reason
              sentence
            }
          }
        }
      }
      ... on LimitExceededError {
        limit
      }
      ... on Error {
        message
      }
    }
  }
`);

const SaveReplanMutation = graphql(`
  mutation SaveReplan($from: ScenarioFromReplanInput!) {
    createScenario(fromReplan: $from) {
      __typename
      ... on Scenario {
        scenarioId
        name
      }
      ... on LimitExceededError {
        limit
      }
      ... on Error {
        message
      }
    }
  }
`);

const PACES: ReplanPace[] = ['BLENDED', 'OBSERVED', 'PLANNED'];

export function ReplanAlternatives({
  scenarioId,
  areaCode,
  areaName,
  scenarioName,
  lastReported,
  start,
  lastDay,
  maySave,
  rootName,
}: {
  scenarioId: string;
  areaCode: string;
  areaName: string;
  /** The replanned scenario's name, the start of the saved one's. */
  scenarioName: string;
  /** The last day with a report in the area; null before any. */
  lastReported: string | null;
  /** The scenario's first day. */
  start: string;
  /**
   * The last day the replan may be as of: the campaign's last day as plan vs actual counts it (its
   * deadline, or later while a late campaign's reports carry it on).
   */
  lastDay: string;
  /** Whether the caller may save the replan; undefined while that is not yet known (nothing is said). */
  maySave: boolean | undefined;
  /**
   * The scenario's root area: the service lets its planners (and admins) save the replan, as a new
   * scenario rooted there; a planner below it reads the replan of its own area only.
   */
  rootName: string;
}) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const [pace, setPace] = useState<ReplanPace>('BLENDED');
  const { min: earliest, max: latest, initial } = replanAsOf(start, lastDay, lastReported);
  const [chosen, choose] = useState<string | null>(null);
  const asOf = chosen ?? initial;
  /** The last day typed outside the box's range, said so under it; null when none or since put right. */
  const [outside, setOutside] = useState<string | null>(null);
  const outsideId = useId();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ReplanAlternativesDocument,
    variables: { scenarioId, areaCode, asOf, pace },
  });
  const [saving, save] = useMutation(SaveReplanMutation);
  const [saved, setSaved] = useState<{ id: string; name: string } | null>(null);
  const saveReplan = () => {
    // Named in the planner's language (the service's default name is English), within its 200 characters.
    const name = t('replan.savedName', {
      name: scenarioName,
      date: date(asOf),
      pace: t(`replan.pace.${pace}`),
    }).slice(0, 200);
    void save({ from: { scenarioId, asOf, pace, name } }).then((done) => {
      const created = done.data?.createScenario;
      if (created?.__typename === 'Scenario') setSaved({ id: created.scenarioId, name: created.name });
    });
  };
  const refused = saving.data?.createScenario;
  return (
    <section className="card replan" data-testid="replan">
      <h2>{t('replan.title')}</h2>
      <label>
        {t('replan.asOfLabel')}{' '}
        <input
          type="date"
          value={asOf}
          min={earliest}
          max={latest}
          required
          {...(outside ? { 'aria-invalid': true, 'aria-describedby': outsideId } : {})}
          onChange={(event) => {
            const value = event.target.value;
            // Half typed, the box gives no day: the replan shown, and any note, stay.
            if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
            // A day outside the range keeps the replan shown, and says so under the box.
            const problem = checkDay(value, earliest, latest);
            setOutside(problem ? value : null);
            if (!problem) choose(value);
          }}
        />
        {outside ? (
          <span id={outsideId} className="field-problem">
            {t('replan.asOfOutside', { day: date(outside), from: date(earliest), to: date(latest) })}
          </span>
        ) : null}
      </label>{' '}
      <label>
        {t('replan.paceLabel')}{' '}
        <select value={pace} onChange={(event) => setPace(event.target.value as ReplanPace)}>
          {PACES.map((option) => (
            <option key={option} value={option}>
              {t(`replan.pace.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <Requested
        fetching={fetching}
        error={error}
        hasData={data !== undefined}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        {() => {
          const replan = data?.replan;
          if (!replan) return null;
          if (replan.__typename !== 'Replan') {
            return <Refusal error={replan} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
          }
          const change = replan.whatMustChange;
          // The API's order (machines, hours, pace, deadline) is each alternative's identity.
          const worded = (change?.alternatives ?? []).map((alternative, order) => ({
            order,
            kind: alternative.__typename,
            ...replanWords(i18n, alternative),
          }));
          const possible = worded.filter((alternative) => alternative.possible);
          const impossible = worded.filter((alternative) => !alternative.possible);
          return (
            <>
              <p>
                {change
                  ? t(possible.length > 0 ? 'replan.late' : 'replan.lateNoWay', {
                      area: areaName,
                      asOf: date(asOf),
                      start: date(replan.start),
                      completion: change.completionDate ? date(change.completionDate) : '—',
                      deadline: date(change.deadline),
                    })
                  : t('replan.onTime', { area: areaName, asOf: date(asOf) })}
              </p>
              <AlternativeList items={possible} className="alternatives" />
              {/* Apart from the ways to make the deadline, each saying why it cannot. */}
              <AlternativeList items={impossible} className="alternatives impossible" />
              {maySave ? (
                <form
                  onSubmit={(event: FormEvent) => {
                    event.preventDefault();
                    saveReplan();
                  }}
                  className="no-print"
                >
                  <button type="submit" disabled={saving.fetching}>
                    {t('replan.save')}
                  </button>
                  {/* Late: what is saved is the re-plan as it stands, none of the ways above. */}
                  {change ? (
                    <p className="muted" data-testid="replan-save-as-is">
                      {t('replan.saveAsIs')}
                    </p>
                  ) : null}
                  {saved ? (
                    <p role="status">
                      {t('replan.saved')} <Link href={paths.plan(saved.id, areaCode)}>{saved.name}</Link>
                    </p>
                  ) : refused && refused.__typename !== 'Scenario' ? (
                    // Stopped by the service's time for one request (a busy server): saved when asked again.
                    <Refusal error={refused} onRetry={saveReplan} />
                  ) : null}
                </form>
              ) : maySave === false ? (
                <p className="muted no-print" data-testid="replan-save-refused">
                  {t('replan.saveOnlyRootPlanner', { area: rootName })}
                </p>
              ) : null}
            </>
          );
        }}
      </Requested>
    </section>
  );
}

/**
 * A list of worded alternatives (nothing when there are none), each marked with its kind; machines
 * with the late areas they are for listed under them.
 */
function AlternativeList({
  items,
  className,
}: {
  items: readonly {
    order: number;
    kind: string;
    sentence: string;
    lateAreas?: readonly { areaCode: string; line: string }[];
  }[];
  className: string;
}) {
  if (items.length === 0) return null;
  return (
    <ul className={className}>
      {items.map((alternative) => (
        <li key={alternative.order} data-kind={alternative.kind}>
          {alternative.sentence}
          {alternative.lateAreas ? (
            <ul className="late-areas">
              {alternative.lateAreas.map((area) => (
                <li key={area.areaCode}>{area.line}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
