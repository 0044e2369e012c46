// Hourly staffing at one site: how many machines to open each hour so that waits meet the target,
// for the day's planned visitors and an arrival profile; the chart, the hours as a table, and the
// day's figures. Site, day, profile and target can be changed.
import { useState } from 'react';
import { useQuery } from 'urql';
import { useParams, useSearch } from 'wouter';
import { Figures } from '../../components/figures.tsx';
import { Refusal, Requested } from '../../components/problem.tsx';
import type { ArrivalProfile } from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ScenarioHeadQuery } from '../plan/plan-view.tsx';
import { StaffingChart } from './staffing-chart.tsx';

const StaffingSitesQuery = graphql(`
  query StaffingSites($scenarioId: ID!, $areaCode: String!) {
    plan(scenarioId: $scenarioId, areaCode: $areaCode) {
      __typename
      ... on CampaignPlan {
        areas {
          code
          name
          depth
        }
      }
    }
  }
`);

const StaffingQuery = graphql(`
  query Staffing(
    $scenarioId: ID!
    $areaCode: String!
    $siteCode: String
    $date: Date
    $profile: ArrivalProfile
    $waitTargetMinutes: Float
  ) {
    plan(scenarioId: $scenarioId, areaCode: $areaCode) {
      __typename
      ... on CampaignPlan {
        staffing(areaCode: $siteCode, date: $date, profile: $profile, waitTargetMinutes: $waitTargetMinutes) {
          __typename
          ... on HourlyStaffing {
            areaCode
            date
            open
            close
            dailyVisitors
            peakMachines
            machineHours
            meetsTarget
            worstMeanWaitMinutes
            worstP90WaitMinutes
            stillQueuingAtClose
            hours {
              start
              end
              arrivalsPerHour
              machinesOpen
              machinesNeeded
              meanWaitMinutes
              p90WaitMinutes
              meetsTarget
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

const PROFILES: ArrivalProfile[] = ['MIXED', 'FARMING', 'URBAN_WORKERS', 'STUDENTS'];

type Choice = { siteCode: string; date: string; profile: ArrivalProfile; waitTargetMinutes: number | null };

function Staffing({
  scenarioId,
  rootCode,
  choice,
}: {
  scenarioId: string;
  rootCode: string;
  choice: Choice;
}) {
  const { t, n, date } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: StaffingQuery,
    variables: {
      scenarioId,
      areaCode: rootCode,
      siteCode: choice.siteCode,
      profile: choice.profile,
      ...(choice.date ? { date: choice.date } : {}),
      ...(choice.waitTargetMinutes !== null ? { waitTargetMinutes: choice.waitTargetMinutes } : {}),
    },
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
        const staffing = plan.staffing;
        if (staffing.__typename !== 'HourlyStaffing') return <Refusal error={staffing} />;
        const minutes = (value: number) => t('unit.minutes', { value: n(value, 1) });
        return (
          <section className="staffing-result" aria-live="polite">
            <Figures
              items={[
                { label: t('staffing.day'), value: staffing.date ? date(staffing.date) : '—' },
                { label: t('staffing.window'), value: `${staffing.open}–${staffing.close}` },
                { label: t('staffing.visitors'), value: n(staffing.dailyVisitors) },
                {
                  label: t('staffing.peakMachines'),
                  value: n(staffing.peakMachines),
                  testId: 'peak-machines',
                },
                { label: t('staffing.machineHours'), value: n(staffing.machineHours, 1) },
                { label: t('staffing.worstMeanWait'), value: minutes(staffing.worstMeanWaitMinutes) },
                { label: t('staffing.worstP90Wait'), value: minutes(staffing.worstP90WaitMinutes) },
                {
                  label: t('staffing.meetsTarget'),
                  value: staffing.meetsTarget ? t('answer.yes') : t('answer.no'),
                },
              ]}
            />
            <StaffingChart hours={staffing.hours} />
            <div className="table-wrap">
              <table className="staffing-hours">
                <caption>{t('staffing.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('staffing.hour')}</th>
                    <th scope="col" className="num">
                      {t('staffing.arrivals')}
                    </th>
                    <th scope="col" className="num">
                      {t('staffing.machinesOpen')}
                    </th>
                    <th scope="col" className="num">
                      {t('staffing.machinesNeeded')}
                    </th>
                    <th scope="col" className="num">
                      {t('staffing.meanWait')}
                    </th>
                    <th scope="col" className="num">
                      {t('staffing.p90Wait')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {staffing.hours.map((hour) => (
                    <tr key={hour.start} className={hour.meetsTarget ? undefined : 'misses'}>
                      <th scope="row">
                        {hour.start}–{hour.end}
                      </th>
                      <td className="num">{n(hour.arrivalsPerHour, 1)}</td>
                      <td className="num">{n(hour.machinesOpen)}</td>
                      <td className="num">{n(hour.machinesNeeded)}</td>
                      <td className="num">{n(hour.meanWaitMinutes, 1)}</td>
                      <td className="num">{n(hour.p90WaitMinutes, 1)}</td>
                    </tr>
                  ))}
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
  const { t } = useI18n();
  const [head] = useQuery({ query: ScenarioHeadQuery, variables: { scenarioId: id } });
  const scenario = head.data?.scenario;
  const rootCode = scenario?.areaCode ?? '';
  const [sites] = useQuery({
    query: StaffingSitesQuery,
    variables: { scenarioId: id, areaCode: rootCode },
    pause: !scenario,
  });
  const [choice, setChoice] = useState<Choice | null>(null);
  const current: Choice = choice ?? {
    siteCode: area ?? rootCode,
    date: '',
    profile: 'MIXED',
    waitTargetMinutes: null,
  };
  const set = (patch: Partial<Choice>) => setChoice({ ...current, ...patch });
  const options = sites.data?.plan.__typename === 'CampaignPlan' ? sites.data.plan.areas : [];
  return (
    <section>
      <h1>
        {t('nav.staffing')} {scenario ? <span className="muted">· {scenario.name}</span> : null}
      </h1>
      <Requested fetching={head.fetching} error={head.error ?? sites.error} hasData={head.data !== undefined}>
        {() =>
          scenario ? (
            <>
              <div className="controls no-print">
                <label>
                  {t('staffing.site')}
                  <select
                    value={current.siteCode}
                    onChange={(e) => set({ siteCode: e.target.value })}
                    name="site"
                  >
                    {options.length === 0 ? (
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
                    name="date"
                    min={scenario.calendar.start}
                    max={scenario.calendar.deadline}
                    value={current.date}
                    onChange={(e) => set({ date: e.target.value })}
                  />
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
                    type="number"
                    name="waitTarget"
                    min={1}
                    step={1}
                    value={current.waitTargetMinutes ?? ''}
                    onChange={(e) =>
                      set({ waitTargetMinutes: e.target.value === '' ? null : Number(e.target.value) })
                    }
                  />
                </label>
              </div>
              <Staffing scenarioId={id} rootCode={rootCode} choice={current} />
            </>
          ) : (
            <p role="alert">{t('scenario.notFound', { id })}</p>
          )
        }
      </Requested>
    </section>
  );
}
