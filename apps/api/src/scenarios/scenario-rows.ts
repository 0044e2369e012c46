// A scenario's fields as the columns Prisma stores: calendar, hours and service flattened, machines
// as rows of their own (replaced whole on update).
import type { Prisma } from '../generated/prisma/client.ts';
import type { ScenarioFields } from './scenario-fields.ts';

function columnsOf(fields: ScenarioFields) {
  const { calendar, hours, service, machines: _machines, ...own } = fields;
  return {
    ...own,
    ...calendar,
    open: hours.open,
    close: hours.close,
    minutesPerDossier: service.minutesPerDossier,
    serviceCv: service.serviceCv ?? null,
    availability: service.availability ?? null,
    hardCaseShare: service.hardCaseShare ?? null,
    hardCaseExtraMinutes: service.hardCaseExtraMinutes ?? null,
  };
}

/** The row of a new scenario, written by `by` (the name on the caller's token). */
export function createData(fields: ScenarioFields, by: string): Prisma.ScenarioUncheckedCreateInput {
  return { ...columnsOf(fields), createdBy: by, updatedBy: by, machines: { create: fields.machines } };
}

/** The row of a changed scenario, changed by `by`; its machines are replaced whole. */
export function updateData(fields: ScenarioFields, by: string): Prisma.ScenarioUncheckedUpdateInput {
  return { ...columnsOf(fields), updatedBy: by, machines: { deleteMany: {}, create: fields.machines } };
}
