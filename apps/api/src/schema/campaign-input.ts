// The planning library's CampaignInput as GraphQL input types (whatIf, scenarios).
import type { CampaignInput } from '@muster/planning';
import { PlanningInputError } from '@muster/planning';
import { builder } from '../builder.ts';
import type { GeoPoint } from '../planning/scenario-input.ts';

const AreaInputRef = builder.inputType('AreaInput', {
  description: 'One area of a what-if; `parentCode` links the tree (any depth). Figures on leaves roll up.',
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    parentCode: t.string(),
    level: t.string(),
    population: t.int(),
    eligibleShare: t.float({ description: 'Share eligible (aged 14+), 0..1; inherited by descendants.' }),
    eligible: t.int({ description: 'Eligible people; wins over population × eligibleShare.' }),
    alreadyServed: t.int(),
    turnout: t.float({
      description: 'Share of the eligible expected to come, 0..1; inherited by descendants.',
    }),
  }),
});

export const CalendarInputRef = builder.inputType('CalendarInput', {
  fields: (t) => ({
    start: t.field({ type: 'Date', required: true }),
    deadline: t.field({ type: 'Date', required: true, description: 'Last day of service, included.' }),
    timeZone: t.string({ description: 'IANA zone; Asia/Ho_Chi_Minh for stored scenarios by default.' }),
    closedDates: t.field({ type: ['Date'] }),
    closedWeekdays: t.intList({ description: 'ISO weekdays with no service, 1 = Monday … 7 = Sunday.' }),
  }),
});

export const OpeningHoursInputRef = builder.inputType('OpeningHoursInput', {
  description:
    'Daily window HH:mm; a close at or before the open ends after midnight; round the clock is 00:00–24:00.',
  fields: (t) => ({
    open: t.string({ required: true }),
    close: t.string({ required: true }),
  }),
});

export const ServiceInputRef = builder.inputType('ServiceInput', {
  fields: (t) => ({
    minutesPerDossier: t.float({ required: true }),
    serviceCv: t.float({ description: 'Coefficient of variation of the service time. Default 1.' }),
    availability: t.float({ description: 'Share of open time a machine works. Default 1.' }),
    hardCaseShare: t.float({ description: 'Share of dossiers that take longer. Default 0.' }),
    hardCaseExtraMinutes: t.float({ description: 'Extra minutes a hard case takes. Default 0.' }),
  }),
});

export const MachineAllocationInputRef = builder.inputType('MachineAllocationInput', {
  description: 'Machines that serve an area and its subtree (less descendants with their own figure).',
  fields: (t) => ({
    areaCode: t.string({ required: true }),
    machines: t.int({ required: true }),
  }),
});

export const CampaignInputRef = builder.inputType('CampaignInput', {
  description: 'Everything a campaign plan is computed from (the planning library’s CampaignInput).',
  fields: (t) => ({
    areas: t.field({ type: [AreaInputRef], required: true }),
    calendar: t.field({ type: CalendarInputRef, required: true }),
    hours: t.field({ type: OpeningHoursInputRef, required: true }),
    service: t.field({ type: ServiceInputRef, required: true }),
    machines: t.field({
      type: [MachineAllocationInputRef],
      description: 'Absent: the plan says how many machines are needed.',
    }),
  }),
});

type Nullable<T> = { [K in keyof T]?: T[K] | null };

/** Drops GraphQL nulls (absent means default in the library). */
export function withoutNulls<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}

export type CampaignInputArg = {
  areas: readonly Nullable<CampaignInput['areas'][number] & { latitude: number; longitude: number }>[];
  calendar: Nullable<CampaignInput['calendar']>;
  hours: CampaignInput['hours'];
  service: Nullable<CampaignInput['service']>;
  machines?: readonly { areaCode: string; machines: number }[] | null;
};

/** Most areas a what-if may list: the whole country (11,371 areas) with room to spare. */
export const MAX_WHAT_IF_AREAS = 20_000;

/** The GraphQL argument as the library's input, and the centroids given with the areas. */
export function toCampaignInput(arg: CampaignInputArg): {
  input: CampaignInput;
  points: Map<string, GeoPoint>;
} {
  if (arg.areas.length > MAX_WHAT_IF_AREAS) {
    throw new PlanningInputError({
      path: 'input.areas',
      code: 'range',
      expected: `at most ${MAX_WHAT_IF_AREAS} areas`,
      received: `${arg.areas.length} areas`,
    });
  }
  const points = new Map<string, GeoPoint>();
  const areas = arg.areas.map(({ latitude, longitude, ...area }) => {
    if (latitude != null && longitude != null && typeof area.code === 'string') {
      points.set(area.code, { latitude, longitude });
    }
    return withoutNulls(area) as CampaignInput['areas'][number];
  });
  const input: CampaignInput = {
    areas,
    calendar: withoutNulls(arg.calendar) as CampaignInput['calendar'],
    hours: arg.hours,
    service: withoutNulls(arg.service) as CampaignInput['service'],
    ...(arg.machines ? { machines: [...arg.machines] } : {}),
  };
  return { input, points };
}
