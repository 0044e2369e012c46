// Changes a stored scenario: the fields given over the ones stored, checked again, and written only
// if the scenario is still as it was read, so that no change made in between is lost. A caller
// that read the scenario earlier (a form open in a second tab) says when it read it, and is
// refused if anyone changed it since; one that does not is merged with the latest state.
import { NotFoundError } from '../errors.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { ScenarioChanges } from '../schema/scenario-input.ts';
import { checkScenario } from './check-scenario.ts';
import { ScenarioChangedError } from './scenario-changed-error.ts';
import { applyChanges, fieldsOfRow } from './scenario-fields.ts';
import { updateData } from './scenario-rows.ts';

/**
 * Reads before an update whose caller did not say when it read is refused as changed: each time
 * a write landed between the read and the write (milliseconds apart), it is read and merged again.
 */
const MAX_READS = 5;

export type ScenarioUpdate = {
  id: string;
  changes: ScenarioChanges;
  /** The `updatedAt` the caller read; absent: the fields given go over whatever is stored. */
  expectedUpdatedAt?: Date | null;
  /** The name on the caller's token. */
  by: string;
};

/**
 * Changes a scenario with `write` (given the transaction and the row's new columns), refusing an
 * unknown one (`NotFoundError` naming `id`), one changed since `expectedUpdatedAt`
 * (`ScenarioChangedError`) and bad fields (`checkScenario`'s refusals); nothing is stored then.
 * Every write moves `updatedAt` on by a millisecond at least, so that one value names one state,
 * whatever the clocks of the instances that write.
 *
 * @example
 * await updateScenario(prisma, { id: 'dak-nong-2021', changes: { note: 'Two more machines' }, expectedUpdatedAt: readAt, by: 'Lan' },
 *   (tx, data) => tx.scenario.update({ where: { id: 'dak-nong-2021' }, data }));
 * // => the row as written; throws ScenarioChangedError (changed by Minh at …) if Minh saved after readAt
 */
export async function updateScenario<T>(
  prisma: PrismaClient,
  update: ScenarioUpdate,
  write: (tx: Prisma.TransactionClient, data: Prisma.ScenarioUncheckedUpdateInput) => Promise<T>,
): Promise<T> {
  const { id, changes, expectedUpdatedAt, by } = update;
  for (let reads = 1; ; reads += 1) {
    const stored = await readScenario(prisma, id);
    const read = expectedUpdatedAt ?? stored.updatedAt;
    if (stored.updatedAt.getTime() !== read.getTime()) throw changedSince(id, read, stored);
    const fields = applyChanges(fieldsOfRow(stored), changes);
    await checkScenario(prisma, fields, { calendarTyped: changes.calendar != null });
    const updatedAt = new Date(Math.max(Date.now(), stored.updatedAt.getTime() + 1));
    const written = await prisma.$transaction(async (tx) => {
      // Claims the row only as it was read: a concurrent write holding it is waited for, and then
      // seen (PostgreSQL judges the condition again on the row it committed).
      const claimed = await tx.scenario.updateMany({
        where: { id, updatedAt: stored.updatedAt },
        data: { updatedAt },
      });
      if (claimed.count === 0) return null;
      return { row: await write(tx, { ...updateData(fields, by), updatedAt }) };
    });
    if (written) return written.row;
    // A caller that said when it read is refused by the next read; one that did not is merged again.
    if (reads === MAX_READS) throw changedSince(id, read, await readScenario(prisma, id));
  }
}

async function readScenario(prisma: PrismaClient, id: string) {
  const stored = await prisma.scenario.findUnique({ where: { id }, include: { machines: true } });
  if (!stored) throw new NotFoundError('scenario', id, 'id');
  return stored;
}

function changedSince(
  scenarioId: string,
  read: Date,
  stored: { updatedAt: Date; updatedBy: string },
): ScenarioChangedError {
  return new ScenarioChangedError({
    scenarioId,
    expectedUpdatedAt: read,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
  });
}
