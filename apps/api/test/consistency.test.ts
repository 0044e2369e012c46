// One case, one answer (issue 15 items 4 and 8): an unknown area is NotFoundError on every field that
// names one; an InputError names the argument as the caller wrote it and shows the value as sent;
// a staffing day outside the campaign is refused; `plan.areas` filters by depth, level and code.
// Expected counts are the administrative units of the demo data (data/vietnam): Nghệ An had 21
// districts and 460 communes in 2021 (482 areas with the province); the Đắk Nông scenario runs
// from 2021-03-15 to 2021-06-30.
import { describe, expect, it } from 'vitest';
import { data, gql, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

const ERROR =
  '... on Error { message } ... on NotFoundError { field resource key } ... on InputError { field code received }';

describe('an unknown area', () => {
  it('is NotFoundError naming areaCode on plan, planVsActual, whatIf and a plan’s staffing', async () => {
    const result = await data<Record<string, Record<string, unknown>>>(`{
      plan(scenarioId: "dak-nong-2021", areaCode: "999") { __typename ${ERROR} }
      planVsActual(scenarioId: "dak-nong-2021", areaCode: "999") { __typename ${ERROR} }
      whatIf(areaCode: "999", input: {
        areas: [{ code: "1", name: "One", eligible: 100 }],
        calendar: { start: "2021-03-15", deadline: "2021-03-31" },
        hours: { open: "08:00", close: "17:00" },
        service: { minutesPerDossier: 5 }
      }) { __typename ${ERROR} }
      known: plan(scenarioId: "dak-nong-2021", areaCode: "67") {
        ... on CampaignPlan { staffing(areaCode: "999") { __typename ${ERROR} } }
      }
    }`);
    const notFound = { __typename: 'NotFoundError', field: 'areaCode', resource: 'area', key: '999' };
    expect(result.plan).toMatchObject(notFound);
    expect(result.planVsActual).toMatchObject(notFound);
    expect(result.whatIf).toMatchObject(notFound);
    expect(result.known?.staffing).toMatchObject(notFound);
  });

  it('is NOT_FOUND naming parentCode for areas, and a bad level is refused by the enum', async () => {
    const parent = await gql('{ areas(parentCode: "nope") { totalCount } }');
    expect(parent.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'parentCode' });
    const level = await gql('{ areas(level: "District") { totalCount } }');
    expect(level.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const variable = await gql('query ($level: AreaLevel) { areas(level: $level) { totalCount } }', {
      level: 'District',
    });
    expect(variable.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'level' });
  });
});

describe('an InputError', () => {
  it('names the argument and shows the value as it was sent', async () => {
    const result = await data<Record<string, Record<string, unknown>>>(`{
      outside: plan(scenarioId: "dak-nong-2021", areaCode: "40") { __typename ${ERROR} }
      dakNong: plan(scenarioId: "dak-nong-2021", areaCode: "67") {
        ... on CampaignPlan { staffing(waitTargetMinutes: -5) { __typename ${ERROR} } }
      }
    }`);
    // Nghệ An exists but lies outside the Đắk Nông scenario: a refusal of the argument, not "not found".
    expect(result.outside).toMatchObject({ __typename: 'InputError', field: 'areaCode', received: '40' });
    expect(result.dakNong?.staffing).toMatchObject({
      __typename: 'InputError',
      field: 'waitTargetMinutes',
      code: 'range',
      received: '-5',
    });
  });

  it('refuses a staffing day outside the campaign, naming date', async () => {
    const result = await data<{ plan: { before: object; after: object; during: object } }>(`{
      plan(scenarioId: "dak-nong-2021", areaCode: "665") {
        ... on CampaignPlan {
          before: staffing(date: "2021-03-14") { __typename ${ERROR} }
          after: staffing(date: "2022-01-01") { __typename ${ERROR} }
          during: staffing(date: "2021-03-20") { __typename }
        }
      }
    }`);
    for (const [refused, date] of [
      [result.plan.before, '2021-03-14'],
      [result.plan.after, '2022-01-01'],
    ] as const) {
      expect(refused).toMatchObject({
        __typename: 'InputError',
        field: 'date',
        code: 'range',
        received: date,
      });
    }
    expect(result.plan.during).toEqual({ __typename: 'HourlyStaffing' });
  });
  it('names the days a replan saved as of its deadline plans (it starts after the deadline)', async () => {
    // A replan as of 30 June starts on 1 July with the deadline behind it: its days run from its
    // start to the site's last planned day, the range the refusal must name (it named 1 July to 30 June).
    const input = {
      areas: [{ code: 'site', name: 'Site', population: 20_000, eligibleShare: 0.8 }],
      calendar: { start: '2021-07-01', deadline: '2021-06-30', timeZone: 'Asia/Ho_Chi_Minh' },
      hours: { open: '05:00', close: '24:00' },
      service: { minutesPerDossier: 5 },
      machines: [{ areaCode: 'site', machines: 4 }],
    };
    const result = await data<{
      whatIf: {
        daily: { date: string }[];
        before: { expected: string };
        first: { __typename: string };
        afterLast: { expected: string };
      };
    }>(
      `query ($input: CampaignInput!) {
        whatIf(input: $input) {
          ... on CampaignPlan {
            daily { date }
            before: staffing(date: "2021-06-30") { ${ERROR} ... on InputError { expected } }
            first: staffing(date: "2021-07-01") { __typename }
            afterLast: staffing(date: "2021-12-31") { ${ERROR} ... on InputError { expected } }
          }
        }
      }`,
      { input },
    );
    const last = result.whatIf.daily.at(-1)?.date;
    expect(last).toMatch(/^2021-07-/);
    const range = `a day of the campaign, from 2021-07-01 to ${last}`;
    expect(result.whatIf.before).toMatchObject({ field: 'date', code: 'range', expected: range });
    expect(result.whatIf.afterLast).toMatchObject({ field: 'date', code: 'range', expected: range });
    expect(result.whatIf.first).toEqual({ __typename: 'HourlyStaffing' });
  });
});

describe('plan.areas filters', () => {
  it('keeps the rows at a depth, of levels or of codes', async () => {
    const result = await data<{ plan: Record<string, { code: string; level: string }[]> }>(`{
      plan(scenarioId: "nghe-an-2021", areaCode: "40") {
        ... on CampaignPlan {
          all: areas { code }
          top: areas(depthBelow: 1) { code level }
          districts: areas(levels: [DISTRICT]) { code }
          own: areas(depthBelow: 0) { code }
          some: areas(codes: ["18001", "40", "67"]) { code }
          communesOfSome: areas(codes: ["18001", "40"], levels: [COMMUNE]) { code }
        }
      }
    }`);
    const { all, top, districts, own, some, communesOfSome } = result.plan;
    expect(all).toHaveLength(482);
    expect(top).toHaveLength(22);
    expect(top?.filter((row) => row.level === 'DISTRICT')).toHaveLength(21);
    expect(districts).toHaveLength(21);
    expect(own).toEqual([{ code: '40' }]);
    // 67 is Đắk Nông, outside the plan asked about: no row.
    expect(some).toEqual([{ code: '40' }, { code: '18001' }]);
    expect(communesOfSome).toEqual([{ code: '18001' }]);
  });

  it('refuses a negative depth naming depthBelow', async () => {
    const result = await gql(
      '{ plan(scenarioId: "nghe-an-2021", areaCode: "40") { ... on CampaignPlan { areas(depthBelow: -1) { code } } } }',
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'depthBelow' });
  });
});
