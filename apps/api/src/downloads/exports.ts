// `GET /export/<view>.<xlsx|csv>?scenarioId=…&areaCode=…&lang=vi|en`: the views of a stored
// scenario's plan as a workbook (one sheet for the view, formatted, and an About sheet) or CSV,
// for a bearer token. The figures come from the GraphQL fields each view mirrors, asked as the
// caller (see ask-graphql.ts); the file is written in the files lane, off the main thread. A
// refusal is worded in `lang` too. The roster runs over the campaign's days, as its page shows it,
// unless `days` names others.
import { readFileSync } from 'node:fs';
import type { AreaPlan, PlanComparison, PlannedDay, RosterAssignment, RosterShift } from '@muster/planning';
import type { PlainView } from '../compute/file-tasks.ts';
import { computeFile } from '../compute/pool.ts';
import { MAX_ROSTER_DAYS } from '../planning/campaign-bounds.ts';
import {
  type AreaSeries,
  dailyView,
  type ExportAbout,
  planView,
  planVsActualView,
  rosterView,
  type SheetLanguage,
  type SheetView,
  type TeamVisits,
  type ViewName,
  visitsView,
} from '../spreadsheets/index.ts';
import { askGraphQL, ExportRefused, type RunGraphQL } from './_internal/ask-graphql.ts';
import {
  downloadResponse,
  LANG_REFUSAL,
  languageOf,
  refusalLanguageOf,
  refuse,
} from './_internal/responses.ts';

const EXPORT_PATH = /^\/export\/(plan|daily|plan-vs-actual|roster|visits)\.(xlsx|csv)$/;

/** Areas whose daily series one internal request asks for (each an alias; the cost limit allows 20). */
const DAILY_BATCH = 15;

type Ask = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;
type Params = { scenarioId: string; areaCode: string; url: URL; language: SheetLanguage };

/** What made the files, as the About sheet says it: `Muster 0.1.0`. */
const SOFTWARE = `Muster ${
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version
}`;

type PlanHead = {
  scenario: { scenarioId: string; name: string } | null;
  viewer: { name: string } | null;
  plan: {
    period: { start: string; deadline: string; timeZone: string; openDays: number; openHours: number };
    capacity: { minutesPerDossier: number; dailyCapacityPerMachine: number };
    area: { code: string; name: string };
  };
};

/** What a refused field says, for its export's answer: its type, message and field. */
const REFUSAL =
  '__typename ... on Error { message } ... on InputError { field } ... on NotFoundError { field }';

/**
 * What a refused computed field says (its union has LimitExceededError): which limit, cost or time,
 * stopped it too, so the answer tells a busy service from a file too large (ask-graphql.ts).
 */
const COMPUTE_REFUSAL = `${REFUSAL} ... on LimitExceededError { limit }`;

const HEAD = `scenario(id: $scenarioId) { scenarioId name }
  viewer { name }
  plan(scenarioId: $scenarioId, areaCode: $areaCode) {
    ${COMPUTE_REFUSAL}
    ... on CampaignPlan {
      period { start deadline timeZone openDays openHours }
      capacity { minutesPerDossier dailyCapacityPerMachine }
      area { code name }
      VIEW
    }
  }`;

function headQuery(viewFields: string, extraVariables = ''): string {
  return `query ($scenarioId: ID!, $areaCode: String!${extraVariables}) { ${HEAD.replace('VIEW', viewFields)} }`;
}

const PLAN_FIELDS = `areas { code name parentCode level depth isLeaf population eligible alreadyServed demand openDays
  dailyCapacityPerMachine machineDays machinesNeeded machinesNeededAtSites machines servedBy dailyTarget
  dailyTargetPerMachine daysNeeded completionDate meetsDeadline status reason reasonCode location { latitude longitude } }`;

/** GraphQL enum values (`ON_TIME`, `COMMUNE`) as the library writes them (`on-time`, `commune`). */
function libraryValue(value: string | null): string | null {
  return value === null ? null : value.toLowerCase().replaceAll('_', '-');
}

function intParam(url: URL, name: string, language: SheetLanguage): number | undefined {
  const text = url.searchParams.get(name);
  if (text === null || text === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value)) {
    throw new ExportRefused(
      refuse(
        language,
        400,
        'BAD_USER_INPUT',
        {
          vi: `${name} phải là số nguyên, không phải ${JSON.stringify(text)}`,
          en: `${name} must be a whole number, got ${JSON.stringify(text)}`,
        },
        name,
      ),
    );
  }
  return value;
}

async function planExport(ask: Ask, { scenarioId, areaCode, language }: Params) {
  const head = await ask<PlanHead & { plan: { areas: AreaPlan[] } }>(headQuery(PLAN_FIELDS), {
    scenarioId,
    areaCode,
  });
  const areas = head.plan.areas.map((row) => ({
    ...row,
    level: libraryValue(row.level),
    status: libraryValue(row.status),
    reasonCode: libraryValue(row.reasonCode),
  })) as AreaPlan[];
  return { head, view: planView(areas, language) };
}

async function dailyExport(ask: Ask, { scenarioId, areaCode }: Params) {
  const head = await ask<
    PlanHead & { plan: { areas: { code: string; name: string; parentCode: string | null }[] } }
  >(headQuery('areas { code name parentCode }'), { scenarioId, areaCode });
  // The area asked about and the areas right below it.
  const areas = head.plan.areas.filter((row) => row.code === areaCode || row.parentCode === areaCode);
  const series: AreaSeries[] = [];
  for (let from = 0; from < areas.length; from += DAILY_BATCH) {
    const batch = areas.slice(from, from + DAILY_BATCH);
    const aliases = batch
      .map(
        (_, i) =>
          `d${i}: plan(scenarioId: $scenarioId, areaCode: $areaCode) { ${COMPUTE_REFUSAL} ... on CampaignPlan { daily(areaCode: $c${i}) { date planned cumulativePlanned } } }`,
      )
      .join('\n');
    const declared = batch.map((_, i) => `, $c${i}: String!`).join('');
    const answer = await ask<Record<string, { daily: PlannedDay[] }>>(
      `query ($scenarioId: ID!, $areaCode: String!${declared}) { ${aliases} }`,
      { scenarioId, areaCode, ...Object.fromEntries(batch.map((row, i) => [`c${i}`, row.code])) },
    );
    batch.forEach((row, i) => {
      series.push({ areaCode: row.code, areaName: row.name, days: answer[`d${i}`]?.daily ?? [] });
    });
  }
  return { head, view: dailyView(series) };
}

const DAY_FIELDS =
  'date reporting reportedLeaves planned actual variance plannedOfReported cumulativePlanned cumulativeActual cumulativeVariance machinesWorking dossiersPerMachineDay';

/** A comparison as the library gives it: `reporting` in its own words (`partial`, not `PARTIAL`). */
function libraryComparison(comparison: PlanComparison): PlanComparison {
  return {
    ...comparison,
    days: comparison.days.map((day) => ({
      ...day,
      reporting: libraryValue(day.reporting) as PlanComparison['days'][number]['reporting'],
    })),
  };
}

async function planVsActualExport(ask: Ask, { scenarioId, areaCode, url, language }: Params) {
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  type Compared = PlanComparison & { children: PlanComparison[] };
  const head = await ask<PlanHead & { planVsActual: Compared }>(
    headQuery('area { code }', ', $from: Date, $to: Date').replace(
      /\}\s*$/,
      `planVsActual(scenarioId: $scenarioId, areaCode: $areaCode, from: $from, to: $to) {
        ${REFUSAL}
        ... on PlanVsActual { areaCode leaves days { ${DAY_FIELDS} } children { areaCode leaves days { ${DAY_FIELDS} } } } } }`,
    ),
    { scenarioId, areaCode, from: from || null, to: to || null },
  );
  const { children, ...area } = head.planVsActual;
  return { head, view: planVsActualView([area, ...children].map(libraryComparison), language) };
}

/**
 * The roster's days when the caller names none: the campaign's, its start to its deadline, as the
 * roster page shows them, within the schema's bound (1 to 366). Undefined for a scenario the caller
 * does not see, which the roster's own query then refuses.
 */
async function campaignDays(ask: Ask, scenarioId: string): Promise<number | undefined> {
  const { scenario } = await ask<{ scenario: { calendar: { start: string; deadline: string } } | null }>(
    'query ($scenarioId: ID!) { scenario(id: $scenarioId) { calendar { start deadline } } }',
    { scenarioId },
  );
  if (!scenario) return undefined;
  const { start, deadline } = scenario.calendar;
  const days = (Date.parse(deadline) - Date.parse(start)) / 86_400_000 + 1;
  return Math.min(Math.max(days, 1), MAX_ROSTER_DAYS);
}

async function rosterExport(ask: Ask, { scenarioId, areaCode, url, language }: Params) {
  const days = intParam(url, 'days', language);
  const args = {
    shiftHours: intParam(url, 'shiftHours', language),
    teams: intParam(url, 'teams', language),
    days: days ?? (await campaignDays(ask, scenarioId)),
  };
  type Roster = { shifts: RosterShift[]; assignments: RosterAssignment[] };
  const head = await ask<PlanHead & { plan: { roster: Roster } }>(
    headQuery(
      `roster(days: $days, shiftHours: $shiftHours, teams: $teams) {
        ${COMPUTE_REFUSAL}
        ... on Roster { shifts { name start end crews } assignments { date shift team } } }`,
      ', $days: Int = 28, $shiftHours: Int = 8, $teams: Int',
    ),
    { scenarioId, areaCode, ...Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined)) },
  );
  return { head, view: rosterView(head.plan.roster.assignments, head.plan.roster.shifts, language) };
}

type VisitAnswer = {
  communeCode: string;
  communeName: string | null;
  arriveDate: string;
  leaveDate: string;
  days: number;
  travelHoursBefore: number;
  workHours: number;
  dossiers: number;
  servedCommuneCodes: string[];
};

async function visitsExport(ask: Ask, { scenarioId, areaCode }: Params) {
  type Teams = {
    teams:
      | {
          code: string;
          kind: string;
          visits: { plan?: { teams: { team: string; visits: VisitAnswer[] }[] } } | null;
        }[]
      | null;
  };
  const head = await ask<PlanHead & Teams>(
    headQuery('area { code }').replace(
      /\}\s*$/,
      `teams(homeAreaCode: $areaCode) { code kind visits(scenarioId: $scenarioId) {
        ${COMPUTE_REFUSAL} ... on TeamVisits { plan { teams { team visits {
          communeCode communeName arriveDate leaveDate days travelHoursBefore workHours dossiers servedCommuneCodes } } } } } } }`,
    ),
    { scenarioId, areaCode },
  );
  // Every MOBILE team of the home area answers the same plan of all of them: take the first.
  const plan = (head.teams ?? []).find((team) => team.kind === 'MOBILE' && team.visits?.plan)?.visits?.plan;
  const teams: TeamVisits[] = (plan?.teams ?? []).map((team) => ({
    team: team.team,
    visits: team.visits.map((visit) => ({
      ...visit,
      communeId: visit.communeCode,
      servedCommuneIds: visit.servedCommuneCodes,
      setupHours: null,
    })) as unknown as TeamVisits['visits'],
  }));
  return { head, view: visitsView(teams) };
}

const EXPORTS: Record<ViewName, (ask: Ask, params: Params) => Promise<{ head: PlanHead; view: SheetView }>> =
  {
    plan: planExport,
    daily: dailyExport,
    'plan-vs-actual': planVsActualExport,
    roster: rosterExport,
    visits: visitsExport,
  };

export function isExportPath(pathname: string): boolean {
  return pathname.startsWith('/export/');
}

function aboutOf(head: PlanHead, generatedAt: string): ExportAbout {
  const { period, capacity, area } = head.plan;
  return {
    scenario: head.scenario,
    area,
    campaign: { start: period.start, deadline: period.deadline },
    timeZone: period.timeZone,
    generatedAt,
    generatedBy: head.viewer?.name ?? null,
    software: SOFTWARE,
    inputs: [
      { name: 'calendar.start', value: period.start },
      { name: 'calendar.deadline', value: period.deadline },
      { name: 'openDays', value: period.openDays },
      { name: 'openHours', value: period.openHours },
      { name: 'service.minutesPerDossier', value: capacity.minutesPerDossier },
      { name: 'dailyCapacityPerMachine', value: capacity.dailyCapacityPerMachine },
    ],
  };
}

export async function exportResponse(request: Request, url: URL, run: RunGraphQL): Promise<Response> {
  const said = refusalLanguageOf(url);
  const match = EXPORT_PATH.exec(url.pathname);
  if (!match) {
    return refuse(said, 404, 'NOT_FOUND', {
      vi: 'Tệp tải về là /export/<plan|daily|plan-vs-actual|roster|visits>.<xlsx|csv>.',
      en: 'exports are /export/<plan|daily|plan-vs-actual|roster|visits>.<xlsx|csv>',
    });
  }
  const name = match[1] as ViewName;
  const format = match[2] as 'xlsx' | 'csv';
  if (!request.headers.get('authorization')) {
    return refuse(
      said,
      401,
      'UNAUTHENTICATED',
      {
        vi: 'Cần đăng nhập để tải tệp này: gửi mã truy cập (Authorization: Bearer <token>).',
        en: 'exports need a bearer token (Authorization: Bearer <token>)',
      },
      undefined,
      { 'www-authenticate': 'Bearer' },
    );
  }
  const language = languageOf(url);
  if (language === null) return refuse(said, 400, 'BAD_USER_INPUT', LANG_REFUSAL, 'lang');
  const scenarioId = url.searchParams.get('scenarioId');
  const areaCode = url.searchParams.get('areaCode');
  if (!scenarioId) {
    return refuse(
      language,
      400,
      'BAD_USER_INPUT',
      { vi: 'Cần ghi kịch bản (scenarioId).', en: 'scenarioId is required' },
      'scenarioId',
    );
  }
  if (!areaCode) {
    return refuse(
      language,
      400,
      'BAD_USER_INPUT',
      { vi: 'Cần ghi mã địa bàn (areaCode).', en: 'areaCode is required' },
      'areaCode',
    );
  }
  const ask: Ask = (query, variables) => askGraphQL(run, request, query, variables, language);
  try {
    const { head, view } = await EXPORTS[name](ask, { scenarioId, areaCode, url, language });
    const plain: PlainView = { ...view, rows: [...view.rows].map((row) => [...row]) };
    const bytes = await computeFile({
      name: 'write',
      format,
      views: [plain],
      language,
      about: aboutOf(head, new Date().toISOString()),
    });
    return downloadResponse(
      new Uint8Array(bytes as Uint8Array),
      format,
      `muster-${name}-${scenarioId}-${areaCode}.${format}`.replace(/[^\w.-]/g, '_'),
    );
  } catch (error) {
    if (error instanceof ExportRefused) return error.response;
    throw error;
  }
}
