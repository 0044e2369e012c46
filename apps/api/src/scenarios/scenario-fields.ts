// A scenario's fields in the planning library's shapes (calendar, hours, service, machines), read
// from its stored row and changed by a GraphQL input.
import type { CalendarInput, MachineAllocation, OpeningHours, ServiceInput } from '@muster/planning';
import type { Scenario, ScenarioMachines, ScenarioServed } from '../generated/prisma/client.ts';
import type { ScenarioChanges } from '../schema/scenario-input.ts';

/** Stored scenarios are read in Vietnam's zone unless they say otherwise. */
const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export type ScenarioFields = {
  name: string;
  areaCode: string;
  calendar: Required<CalendarInput>;
  hours: OpeningHours;
  service: ServiceInput;
  machines: MachineAllocation[];
  waitTargetMinutes: number | null;
  teamsPerSite: number | null;
  note: string | null;
};

export type ScenarioRow = Scenario & {
  machines: Pick<ScenarioMachines, 'areaCode' | 'machines'>[];
  /** Per-leaf already served, where the scenario counts its own (one made from a replan). */
  served?: Pick<ScenarioServed, 'areaCode' | 'alreadyServed'>[];
};

/** Before any input: nothing given yet (`createScenario`'s input gives every required field). */
export const NEW_SCENARIO: ScenarioFields = {
  name: '',
  areaCode: '',
  calendar: { start: '', deadline: '', timeZone: DEFAULT_TIME_ZONE, closedDates: [], closedWeekdays: [] },
  hours: { open: '', close: '' },
  service: { minutesPerDossier: 0 },
  machines: [],
  waitTargetMinutes: null,
  teamsPerSite: null,
  note: null,
};

/** A stored scenario's fields; a service figure stored as null is absent (the library's default). */
export function fieldsOfRow(row: ScenarioRow): ScenarioFields {
  const service: ServiceInput = { minutesPerDossier: row.minutesPerDossier };
  if (row.serviceCv != null) service.serviceCv = row.serviceCv;
  if (row.availability != null) service.availability = row.availability;
  if (row.hardCaseShare != null) service.hardCaseShare = row.hardCaseShare;
  if (row.hardCaseExtraMinutes != null) service.hardCaseExtraMinutes = row.hardCaseExtraMinutes;
  return {
    name: row.name,
    areaCode: row.areaCode,
    calendar: {
      start: row.start,
      deadline: row.deadline,
      timeZone: row.timeZone,
      closedDates: row.closedDates,
      closedWeekdays: row.closedWeekdays,
    },
    hours: { open: row.open, close: row.close },
    service,
    machines: row.machines.map(({ areaCode, machines }) => ({ areaCode, machines })),
    waitTargetMinutes: row.waitTargetMinutes,
    teamsPerSite: row.teamsPerSite,
    note: row.note,
  };
}

/** The fields an input gives, over `base`: absent fields keep their value, nested objects are replaced whole. */
export function applyChanges(base: ScenarioFields, changes: ScenarioChanges): ScenarioFields {
  const fields: ScenarioFields = { ...base };
  if (changes.name != null) fields.name = changes.name;
  if (changes.areaCode != null) fields.areaCode = changes.areaCode;
  if (changes.calendar) {
    const { start, deadline, timeZone, closedDates, closedWeekdays } = changes.calendar;
    fields.calendar = {
      start,
      deadline,
      timeZone: timeZone ?? DEFAULT_TIME_ZONE,
      closedDates: [...(closedDates ?? [])],
      closedWeekdays: [...(closedWeekdays ?? [])],
    };
  }
  if (changes.hours) fields.hours = { open: changes.hours.open, close: changes.hours.close };
  if (changes.service) {
    const { minutesPerDossier, ...optional } = changes.service;
    fields.service = { minutesPerDossier };
    for (const [key, value] of Object.entries(optional)) {
      if (value != null) fields.service[key as Exclude<keyof ServiceInput, 'minutesPerDossier'>] = value;
    }
  }
  if (changes.machines)
    fields.machines = changes.machines.map(({ areaCode, machines }) => ({ areaCode, machines }));
  if (changes.waitTargetMinutes !== undefined) fields.waitTargetMinutes = changes.waitTargetMinutes;
  if (changes.teamsPerSite !== undefined) fields.teamsPerSite = changes.teamsPerSite;
  if (changes.note !== undefined) fields.note = changes.note;
  return fields;
}
