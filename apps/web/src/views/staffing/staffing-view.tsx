// Hourly staffing at one site: how many machines to open each hour so that waits meet the target,
// for the day's planned visitors (or the site's own figures) and an arrival profile; the chart,
// the hours as a table, and the day's figures. Site, day, profile, target, the site's own visitors,
// hours and machines can be changed, and the planner's own schedule (machines open per hour) is
// evaluated on the fly beside the recommended one.
import { Fragment, useCallback, useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { useParams, useSearch } from 'wouter';
import { FieldProblemText, problemAttributes } from '../../components/field-problem.tsx';
import { Figures } from '../../components/figures.tsx';
import { Problem, Refusal, Requested } from '../../components/problem.tsx';
import { ReadFromRoot } from '../../components/read-from-root.tsx';
import type {
  ArrivalProfile,
  SiteDayFiguresFragment,
  SiteHourFiguresFragment,
  // The staffing query's answer: what the last good figures are kept as.
  StaffingQuery as StaffingAnswer,
} from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import { useSettled } from '../../hooks/use-settled.ts';
import type { FieldProblem } from '../../i18n/field-checks.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { seesScenarioRoot } from '../../session/sees-scenario-root.ts';
import { useViewer } from '../../session/viewer.tsx';
import { ScenarioHeadQuery } from '../plan/plan-view.tsx';
import { machinesAboveSite } from './machines-above-site.ts';
import { readSchedule } from './read-schedule.ts';
import {
  blankSiteTexts,
  MAX_DAILY_VISITORS,
  readSiteChoice,
  type SiteBox,
  type SiteChoice,
  type SiteTexts,
} from './read-site-choice.ts';
import { StaffingChart, WaitChart } from './staffing-chart.tsx';
import { staffingDays } from './staffing-days.ts';

const StaffingSitesQuery = graphql(`
  query StaffingSites($scenarioId: ID!, $areaCode: String!) {
    # The scenario's minutes a dossier: what the site's blank box stands for.
    scenario(id: $scenarioId) {
      scenarioId
      service {
        minutesPerDossier
      }
    }
    plan(scenarioId: $scenarioId, areaCode: $areaCode) {
      __typename
      ... on CampaignPlan {
        areas {
          code
          name
          depth
          completionDate
        }
      }
    }
  }
`);

/**
 * The site day with the recommended schedule and, when `$evaluate`, the planner's own schedule
 * evaluated on it (the server plans the day again for that: one request, no state).
 */
const StaffingQuery = graphql(`
  query Staffing(
    $scenarioId: ID!
    $areaCode: String!
    $siteCode: String
    $date: Date
    $profile: ArrivalProfile
    $waitTargetMinutes: Float
    $dailyVisitors: Float
    $hours: OpeningHoursInput
    $machinesAvailable: Int
    $minutesPerDossier: Float
    $evaluate: Boolean! = false
    $machinesOpen: [Int!]! = []
  ) {
    plan(scenarioId: $scenarioId, areaCode: $areaCode) {
      __typename
      ... on CampaignPlan {
        staffing(
          areaCode: $siteCode
          date: $date
          profile: $profile
          waitTargetMinutes: $waitTargetMinutes
          dailyVisitors: $dailyVisitors
          hours: $hours
          machinesAvailable: $machinesAvailable
          minutesPerDossier: $minutesPerDossier
        ) {
          __typename
          ... on HourlyStaffing {
            areaCode
            date
            dailyVisitors
            machinesAvailable
            waitTargetMinutes
            minutesPerDossier
            ...SiteDayFigures
            hours {
              machinesNeeded
              ...SiteHourFigures
            }
            evaluation(machinesOpen: $machinesOpen) @include(if: $evaluate) {
              __typename
              ... on StaffingEvaluation {
                ...SiteDayFigures
                hours {
                  ...SiteHourFigures
                }
              }
              ... on Error {
                message
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
      ... on Error {
        message
      }
    }
  }
`);

const PROFILES: ArrivalProfile[] = ['MIXED', 'FARMING', 'URBAN_WORKERS', 'STUDENTS'];

/** Edits of the schedule are evaluated once typing pauses this long. */
const EVALUATE_AFTER_MS = 350;

type Choice = SiteChoice;

/** The query's variables for a choice: only what the planner gave, so the rest is the scenario's. */
function siteVariables(scenarioId: string, rootCode: string, choice: Choice) {
  return {
    scenarioId,
    areaCode: rootCode,
    siteCode: choice.siteCode,
    profile: choice.profile,
    ...(choice.date ? { date: choice.date } : {}),
    ...(choice.waitTargetMinutes !== null ? { waitTargetMinutes: choice.waitTargetMinutes } : {}),
    ...(choice.dailyVisitors !== null ? { dailyVisitors: choice.dailyVisitors } : {}),
    // A choice has both hours, checked by readSiteChoice, or neither (the scenario's).
    ...(choice.open !== '' ? { hours: { open: choice.open, close: choice.close } } : {}),
    ...(choice.machinesAvailable !== null ? { machinesAvailable: choice.machinesAvailable } : {}),
    ...(choice.minutesPerDossier !== null ? { minutesPerDossier: choice.minutesPerDossier } : {}),
  };
}

type DayFigures = SiteDayFiguresFragment;
type HourFigures = SiteHourFiguresFragment;

/** The planner's schedule evaluated on the same site day; the last answer is kept while the next one comes. */
function useEvaluation(variables: ReturnType<typeof siteVariables>, schedule: number[] | null) {
  const [{ data, fetching, error }] = useQuery({
    query: StaffingQuery,
    variables: { ...variables, evaluate: true, machinesOpen: schedule ?? [] },
    pause: schedule === null,
  });
  const staffing = data?.plan.__typename === 'CampaignPlan' ? data.plan.staffing : null;
  const answered =
    schedule !== null && staffing?.__typename === 'HourlyStaffing' ? (staffing.evaluation ?? null) : null;
  // The last answer, as state adjusted while rendering (never a ref written there): kept while the
  // next schedule is asked about, forgotten when the planner goes back to the recommended one.
  const [kept, setKept] = useState(answered);
  if (answered !== kept && (answered !== null || schedule === null)) setKept(answered);
  const shown = answered ?? kept;
  const answer: { day: DayFigures & { hours: HourFigures[] } } | { refusal: { message: string } } | null =
    shown === null ? null : shown.__typename === 'StaffingEvaluation' ? { day: shown } : { refusal: shown };
  return { answer, fetching, error };
}

function Staffing({
  scenarioId,
  rootCode,
  choice,
  onBlankTarget,
  lastAnswer,
  onAnswer,
}: {
  /** The last answer shown for this scenario, kept beneath a refusal of this ask. */
  lastAnswer: StaffingAnswer | undefined;
  onAnswer(answer: StaffingAnswer): void;
  scenarioId: string;
  rootCode: string;
  choice: Choice;
  /** The wait target the API planned for with the box left blank (the scenario's, else its own). */
  onBlankTarget(minutes: number): void;
}) {
  const { t, n, date } = useI18n();
  const variables = siteVariables(scenarioId, rootCode, choice);
  const [{ data: answered, fetching, error }, refetch] = useQuery({ query: StaffingQuery, variables });
  // A refused ask (a site over the service's cost) keeps the last figures beneath its problem, as a
  // box found wrong in the browser does (kept by the view: this one is remade for each ask).
  useEffect(() => {
    if (answered !== undefined) onAnswer(answered);
  }, [answered, onAnswer]);
  const data = answered ?? (error ? lastAnswer : undefined);
  const answeredTarget =
    data?.plan.__typename === 'CampaignPlan' && data.plan.staffing.__typename === 'HourlyStaffing'
      ? data.plan.staffing.waitTargetMinutes
      : null;
  const blank = choice.waitTargetMinutes === null;
  useEffect(() => {
    if (blank && answeredTarget !== null) onBlankTarget(answeredTarget);
  }, [blank, answeredTarget, onBlankTarget]);
  // The planner's machines per hour as typed (text, so a box may be blank for a moment); null: the recommended ones.
  const [draft, setDraft] = useState<string[] | null>(null);
  const read = draft === null ? null : readSchedule(draft);
  const complete = read?.ok ? read.machinesOpen : null;
  const schedule = useSettled(complete, EVALUATE_AFTER_MS);
  const evaluation = useEvaluation(variables, schedule);
  // Figures on their way: this site's, or the schedule's (typed and waiting for the pause, or asked).
  const busy = fetching || evaluation.fetching || JSON.stringify(complete) !== JSON.stringify(schedule);
  // A refusal for time (the service busy) is asked again as it stands.
  const retry = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Requested fetching={fetching} error={error} hasData={data !== undefined} onRetry={retry}>
      {() => {
        const plan = data?.plan;
        if (!plan) return null;
        if (plan.__typename !== 'CampaignPlan') return <Refusal error={plan} />;
        const staffing = plan.staffing;
        // The area's own day is more people than the service plans for one site: said with the limit.
        if (staffing.__typename === 'LimitExceededError' && staffing.limit === 'COST') {
          return (
            <div className="problem" role="alert" data-problem="tooLarge">
              <p>{t('staffing.siteTooLarge', { max: MAX_DAILY_VISITORS })}</p>
            </div>
          );
        }
        if (staffing.__typename !== 'HourlyStaffing') return <Refusal error={staffing} onRetry={retry} />;
        const minutes = (value: number) => t('unit.minutes', { value: n(value, 1) });
        const recommended = staffing.hours.map((hour) => hour.machinesOpen);
        const boxes = draft ?? recommended.map(String);
        const own = draft === null ? null : evaluation.answer;
        // Until the planner edits, their schedule is the recommended one and so are its waits.
        const ownDay: (DayFigures & { hours: HourFigures[] }) | null =
          draft === null ? staffing : own !== null && 'day' in own ? own.day : null;
        // Above the site's machines: said under the box, and still evaluated, as the service does.
        const above = machinesAboveSite(boxes, staffing.machinesAvailable);
        const edit = (hour: number, text: string) => {
          const next = [...boxes];
          next[hour] = text;
          setDraft(next);
        };
        return (
          <section className="staffing-result" aria-live="polite" aria-busy={busy}>
            <Figures
              items={[
                { label: t('staffing.day'), value: staffing.date ? date(staffing.date) : '—' },
                { label: t('staffing.window'), value: `${staffing.open}–${staffing.close}` },
                { label: t('staffing.visitors'), value: n(staffing.dailyVisitors), testId: 'visitors' },
                {
                  label: t('staffing.machinesAvailable'),
                  value: staffing.machinesAvailable === null ? '—' : n(staffing.machinesAvailable),
                  testId: 'machines-available',
                },
                {
                  label: t('staffing.minutesPerDossier'),
                  value: n(staffing.minutesPerDossier, 2),
                  testId: 'minutes-per-dossier',
                },
                {
                  label: t('staffing.peakMachines'),
                  value: n(staffing.peakMachines),
                  testId: 'peak-machines',
                },
                { label: t('staffing.machineHours'), value: n(staffing.machineHours, 1) },
                {
                  label: t('staffing.dayMeanWait'),
                  value: minutes(staffing.meanWaitMinutes),
                  testId: 'day-mean-wait',
                },
                { label: t('staffing.worstMeanWait'), value: minutes(staffing.worstMeanWaitMinutes) },
                { label: t('staffing.worstP90Wait'), value: minutes(staffing.worstP90WaitMinutes) },
                { label: t('staffing.waitingAtClose'), value: n(staffing.stillQueuingAtClose, 1) },
                {
                  label: t('staffing.meetsTarget'),
                  value: staffing.meetsTarget ? t('answer.yes') : t('answer.no'),
                },
              ]}
            />
            <StaffingChart
              hours={staffing.hours}
              schedule={draft === null ? null : (ownDay?.hours ?? null)}
            />
            <WaitChart
              recommended={staffing.hours}
              own={draft === null ? null : (ownDay?.hours ?? null)}
              targetMinutes={staffing.waitTargetMinutes}
            />
            <h2>{t('staffing.yourSchedule')}</h2>
            <p className="muted">{t('staffing.scheduleHelp')}</p>
            <div className="controls no-print">
              <button type="button" onClick={() => setDraft(null)} disabled={draft === null}>
                {t('staffing.resetSchedule')}
              </button>
              {draft !== null && (complete === null || evaluation.fetching) ? (
                <span className="muted" role="status">
                  {complete === null ? t('staffing.scheduleIncomplete') : t('staffing.evaluating')}
                </span>
              ) : null}
            </div>
            {own !== null && 'refusal' in own ? <Refusal error={own.refusal} /> : null}
            {evaluation.error ? <Problem error={evaluation.error} /> : null}
            {ownDay ? (
              <Figures
                items={[
                  {
                    label: t('staffing.dayMeanWait'),
                    value: minutes(ownDay.meanWaitMinutes),
                    changed: draft !== null,
                    testId: 'own-day-mean-wait',
                  },
                  { label: t('staffing.worstMeanWait'), value: minutes(ownDay.worstMeanWaitMinutes) },
                  {
                    label: t('staffing.waitingAtClose'),
                    value: n(ownDay.stillQueuingAtClose, 1),
                    testId: 'own-waiting-at-close',
                  },
                  { label: t('staffing.machineHours'), value: n(ownDay.machineHours, 1) },
                  {
                    label: t('staffing.meetsTarget'),
                    value: ownDay.meetsTarget ? t('answer.yes') : t('answer.no'),
                  },
                ]}
              />
            ) : null}
            <div className="table-wrap staffing-hours-wrap">
              <table className="staffing-hours">
                <caption>{t('staffing.tableCaption')}</caption>
                {/* Each figure's recommended value beside the planner's, the machines first: on a
                    phone the box to type in is then in sight beside its hour, not in the table's
                    sideways scroll (the planner's columns all came after the recommended ones). */}
                <thead>
                  <tr>
                    <th scope="col" rowSpan={2}>
                      {t('staffing.hour')}
                    </th>
                    <th scope="col" rowSpan={2} className="num">
                      {t('staffing.arrivals')}
                    </th>
                    <th scope="colgroup" colSpan={2}>
                      {t('staffing.machinesOpen')}
                    </th>
                    <th scope="col" rowSpan={2} className="num">
                      {t('staffing.machinesNeeded')}
                    </th>
                    <th scope="colgroup" colSpan={2}>
                      {t('staffing.meanWait')}
                    </th>
                    <th scope="colgroup" colSpan={2}>
                      {t('staffing.p90Wait')}
                    </th>
                    <th scope="colgroup" colSpan={2}>
                      {t('staffing.queueAtEnd')}
                    </th>
                  </tr>
                  <tr>
                    {(['machinesOpen', 'meanWait', 'p90Wait', 'queueAtEnd'] as const).map((figure) => (
                      <Fragment key={figure}>
                        <th scope="col" className="num">
                          {t('staffing.recommended')}
                        </th>
                        <th scope="col" className="num own">
                          {t('staffing.yourSchedule')}
                        </th>
                      </Fragment>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {staffing.hours.map((hour, h) => {
                    const mine = ownDay?.hours[h];
                    const boxProblem = (read && !read.ok ? read.problems[h] : null) ?? undefined;
                    const problemId = `staffing-machinesOpen-${h}-problem`;
                    const warning = above[h];
                    const warningId = `staffing-machinesOpen-${h}-warning`;
                    return (
                      <tr key={hour.start} className={hour.meetsTarget ? undefined : 'misses'}>
                        <th scope="row">
                          {hour.start}–{hour.end}
                        </th>
                        <td className="num">{n(hour.arrivalsPerHour, 1)}</td>
                        <td className="num">{n(hour.machinesOpen)}</td>
                        <td className="num own">
                          <input
                            type="number"
                            inputMode="numeric"
                            className="machines-box"
                            min={0}
                            step={1}
                            name={`machinesOpen-${hour.start}`}
                            aria-label={t('staffing.machinesOpenAt', { hour: hour.start })}
                            value={boxes[h] ?? ''}
                            onChange={(e) => edit(h, e.target.value)}
                            {...(warning
                              ? { 'aria-describedby': warningId }
                              : problemAttributes(problemId, boxProblem))}
                          />
                          <FieldProblemText id={problemId} problem={boxProblem} />
                          {warning ? (
                            <span id={warningId} className="field-warning">
                              {t('staffing.machinesAboveSite', {
                                available: warning.machinesAvailable,
                                open: warning.machinesOpen,
                              })}
                            </span>
                          ) : null}
                        </td>
                        <td className="num">{n(hour.machinesNeeded)}</td>
                        <td className="num">{n(hour.meanWaitMinutes, 1)}</td>
                        <td className={mine && !mine.meetsTarget ? 'num own over' : 'num own'}>
                          {mine ? n(mine.meanWaitMinutes, 1) : '—'}
                        </td>
                        <td className="num">{n(hour.p90WaitMinutes, 1)}</td>
                        <td className="num own">{mine ? n(mine.p90WaitMinutes, 1) : '—'}</td>
                        <td className="num">{n(hour.backlogAtEnd, 1)}</td>
                        <td className="num own">{mine ? n(mine.backlogAtEnd, 1) : '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        );
      }}
    </Requested>
  );
}

export default function StaffingView() {
  const { id = '' } = useParams<{ id: string }>();
  const area = new URLSearchParams(useSearch()).get('area');
  const { t, n } = useI18n();
  const [head] = useQuery({ query: ScenarioHeadQuery, variables: { scenarioId: id } });
  const scenario = head.data?.scenario;
  const rootCode = scenario?.areaCode ?? '';
  // Staffing is read from the scenario's root: a caller below it gets the refusal alone (a
  // reporter reaching it by address saw the live form before it).
  const { area: callerArea } = useViewer();
  const refused =
    scenario !== undefined && scenario !== null && seesScenarioRoot(callerArea, scenario.area) === false;
  const [sites] = useQuery({
    query: StaffingSitesQuery,
    variables: { scenarioId: id, areaCode: rootCode },
    pause: !scenario || refused,
  });
  const [texts, setTexts] = useState<SiteTexts | null>(null);
  // Opened with no area (the home page's link), the planner picks the site: the scenario's root
  // is a province or a country, whose day no site takes, so nothing is asked until then.
  const current: SiteTexts = texts ?? blankSiteTexts(area ?? '');
  const set = (patch: Partial<SiteTexts>) => setTexts({ ...current, ...patch });
  const options = sites.data?.plan.__typename === 'CampaignPlan' ? sites.data.plan.areas : [];
  const scenarioMinutes = sites.data?.scenario?.service.minutesPerDossier ?? null;
  // The site's own days: a replan saved as of its deadline starts after it, and a late site is
  // still planned past it (the API takes those days too).
  const days = scenario
    ? staffingDays(
        scenario.calendar,
        options.find((option) => option.code === current.siteCode)?.completionDate,
      )
    : null;
  const read = scenario ? readSiteChoice(current, days, scenario.hours) : null;
  const problems: Partial<Record<SiteBox, FieldProblem>> = read && !read.ok ? read.problems : {};
  // While a box is wrong the service is not asked: the last good choice and its figures stay (state
  // adjusted while rendering, never a ref written there).
  const [asked, setAsked] = useState<Choice | null>(null);
  if (read?.ok && JSON.stringify(read.choice) !== JSON.stringify(asked)) setAsked(read.choice);
  // The target an empty box plans for, as the API answered it for this scenario (the scenario's
  // own, else the API's default): shown in the box, never hidden and never assumed here.
  const [blankTarget, setBlankTarget] = useState<{ scenarioId: string; minutes: number } | null>(null);
  const keepBlankTarget = useCallback((minutes: number) => setBlankTarget({ scenarioId: id, minutes }), [id]);
  const [lastAnswer, setLastAnswer] = useState<{ scenarioId: string; answer: StaffingAnswer } | null>(null);
  const keepAnswer = useCallback((answer: StaffingAnswer) => setLastAnswer({ scenarioId: id, answer }), [id]);
  const targetPlaceholder =
    blankTarget?.scenarioId === id ? blankTarget.minutes : (scenario?.waitTargetMinutes ?? null);
  // Typing a figure asks the service once the typing pauses, not at every key.
  const settled = useSettled(asked, EVALUATE_AFTER_MS) ?? asked;
  const box = (name: SiteBox) => ({
    name,
    id: `staffing-${name}`,
    ...problemAttributes(`staffing-${name}-problem`, problems[name]),
  });
  const problemOf = (name: SiteBox) => (
    <FieldProblemText id={`staffing-${name}-problem`} problem={problems[name]} />
  );
  return (
    // Whether a typed choice waits for the pause before it is asked (a wrong one never is).
    <section className="staffing-view" data-asking={settled !== asked ? 'waiting' : 'settled'}>
      <h1>
        {t('nav.staffing')} {scenario ? <span className="muted">·&nbsp;{scenario.name}</span> : null}
      </h1>
      <Requested fetching={head.fetching} error={head.error ?? sites.error} hasData={head.data !== undefined}>
        {() =>
          refused && scenario ? (
            <ReadFromRoot scenarioId={id} rootName={scenario.area.name} />
          ) : scenario ? (
            <>
              <div className="controls no-print">
                <label>
                  {t('staffing.site')}
                  <select
                    value={current.siteCode}
                    onChange={(e) => set({ siteCode: e.target.value })}
                    name="site"
                  >
                    {current.siteCode === '' ? (
                      <option value="" disabled>
                        {t('staffing.pickSite')}
                      </option>
                    ) : options.length === 0 ? (
                      <option value={current.siteCode}>{current.siteCode}</option>
                    ) : null}
                    {options.map((option) => (
                      <option key={option.code} value={option.code}>
                        {'  '.repeat(option.depth)}
                        {option.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('staffing.dayInput')}
                  <input
                    type="date"
                    {...box('date')}
                    {...(days ? { min: days.from, max: days.to } : { disabled: true })}
                    value={current.date}
                    onChange={(e) => set({ date: e.target.value })}
                  />
                  {problemOf('date')}
                  {days === null && sites.data !== undefined ? (
                    <span className="muted">{t('staffing.noDay')}</span>
                  ) : null}
                </label>
                <label>
                  {t('staffing.profile')}
                  <select
                    name="profile"
                    value={current.profile}
                    onChange={(e) => set({ profile: e.target.value as ArrivalProfile })}
                  >
                    {PROFILES.map((profile) => (
                      <option key={profile} value={profile}>
                        {t(`profile.${profile}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('staffing.waitTarget')}
                  <input
                    {...box('waitTargetMinutes')}
                    inputMode="decimal"
                    autoComplete="off"
                    size={6}
                    {...(targetPlaceholder !== null ? { placeholder: n(targetPlaceholder) } : {})}
                    value={current.waitTargetMinutes}
                    onChange={(e) => set({ waitTargetMinutes: e.target.value })}
                  />
                  {problemOf('waitTargetMinutes')}
                </label>
              </div>
              <fieldset className="controls no-print">
                <legend>{t('staffing.siteFigures')}</legend>
                <label>
                  {t('staffing.visitors')}
                  <input
                    {...box('dailyVisitors')}
                    inputMode="numeric"
                    autoComplete="off"
                    size={9}
                    value={current.dailyVisitors}
                    onChange={(e) => set({ dailyVisitors: e.target.value })}
                  />
                  {problemOf('dailyVisitors')}
                </label>
                <label>
                  {t('staffing.opens')}
                  <input
                    {...box('open')}
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder={scenario.hours.open}
                    size={5}
                    value={current.open}
                    onChange={(e) => set({ open: e.target.value })}
                  />
                  {problemOf('open')}
                </label>
                <label>
                  {t('staffing.closes')}
                  <input
                    {...box('close')}
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder={scenario.hours.close}
                    size={5}
                    value={current.close}
                    onChange={(e) => set({ close: e.target.value })}
                  />
                  {problemOf('close')}
                </label>
                <label>
                  {t('staffing.machinesAvailable')}
                  <input
                    {...box('machinesAvailable')}
                    inputMode="numeric"
                    autoComplete="off"
                    size={6}
                    value={current.machinesAvailable}
                    onChange={(e) => set({ machinesAvailable: e.target.value })}
                  />
                  {problemOf('machinesAvailable')}
                </label>
                <label>
                  {t('staffing.minutesPerDossier')}
                  <input
                    {...box('minutesPerDossier')}
                    inputMode="decimal"
                    autoComplete="off"
                    size={6}
                    {...(scenarioMinutes !== null ? { placeholder: n(scenarioMinutes, 2) } : {})}
                    value={current.minutesPerDossier}
                    onChange={(e) => set({ minutesPerDossier: e.target.value })}
                  />
                  {problemOf('minutesPerDossier')}
                </label>
              </fieldset>
              {Object.keys(problems).length > 0 ? (
                <p className="field-problem no-print" role="alert">
                  {t('check.notAsked')}
                </p>
              ) : null}
              {settled && settled.siteCode !== '' ? (
                <Staffing
                  key={JSON.stringify(siteVariables(id, rootCode, settled))}
                  scenarioId={id}
                  rootCode={rootCode}
                  choice={settled}
                  onBlankTarget={keepBlankTarget}
                  lastAnswer={lastAnswer?.scenarioId === id ? lastAnswer.answer : undefined}
                  onAnswer={keepAnswer}
                />
              ) : null}
              {current.siteCode === '' ? <p className="muted">{t('staffing.pickSiteHelp')}</p> : null}
            </>
          ) : (
            <p role="alert">{t('scenario.notFound', { id })}</p>
          )
        }
      </Requested>
    </section>
  );
}
