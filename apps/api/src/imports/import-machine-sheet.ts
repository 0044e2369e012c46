// `importMachines(scenarioId, file)`: a scenario's machines per area from a spreadsheet, replacing
// its allocation whole (as `updateScenario(input: { machines })` does), checked first: every area
// the scenario does not cover named by its row, then the scenario's own checks.
import { PlanningInputError } from '@muster/planning';
import { subtreeOf } from '../auth/access.ts';
import { NotFoundError, refusalsOf } from '../errors.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { checkScenario } from '../scenarios/check-scenario.ts';
import { applyChanges, fieldsOfRow } from '../scenarios/scenario-fields.ts';
import { updateData } from '../scenarios/scenario-rows.ts';
import type { FileNote } from '../spreadsheets/index.ts';
import { SpreadsheetRefusedError } from '../spreadsheets/refusal.ts';
import { mergeRefusals } from './_internal/merge-refusals.ts';
import { readUpload } from './_internal/read-upload.ts';
import { refusalOfInputErrors } from './_internal/refusal-of-input-errors.ts';

export type ImportMachinesResult = {
  scenarioId: string;
  /** Areas given machines (rows read). */
  rows: number;
  /** Machines of the whole allocation. */
  machines: number;
  /** What the reader left aside, in English: columns and sheets not read, codes typed as numbers. */
  notes: string[];
  /** The same notes, by their parts. */
  fileNotes: FileNote[];
};

export async function importMachineSheet(
  prisma: PrismaClient,
  scenarioId: string,
  file: File,
  by: string,
): Promise<ImportMachinesResult> {
  const stored = await prisma.scenario.findUnique({
    where: { id: scenarioId },
    include: { machines: true, area: true },
  });
  if (!stored) throw new NotFoundError('scenario', scenarioId, 'scenarioId');
  const { read, badCells } = await readUpload(file, 'machines');
  if (badCells) throw new SpreadsheetRefusedError(badCells);
  const machines = read.rows.map((row) => row.value);
  const inside = await prisma.area.findMany({
    where: { code: { in: machines.map((m) => m.areaCode) }, ...subtreeOf(stored.area.path) },
    select: { code: true },
  });
  const known = new Set(inside.map((area) => area.code));
  const outside = machines.flatMap(({ areaCode }, index) =>
    known.has(areaCode)
      ? []
      : [
          new PlanningInputError({
            path: `machines[${index}].areaCode`,
            code: 'unknown-reference',
            expected: `an area within the scenario's area ${stored.area.code} (${stored.area.name})`,
            received: areaCode,
          }),
        ],
  );
  if (outside.length > 0)
    throw new SpreadsheetRefusedError(mergeRefusals(read, [refusalOfInputErrors(read, outside)]));
  const fields = applyChanges(fieldsOfRow(stored), { machines });
  try {
    await checkScenario(prisma, fields);
  } catch (error) {
    const refusals = refusalsOf(error);
    if (refusals === null) throw error;
    throw new SpreadsheetRefusedError(
      mergeRefusals(read, [refusalOfInputErrors(read, refusals.problems, 'input.')]),
    );
  }
  await prisma.scenario.update({ where: { id: scenarioId }, data: updateData(fields, by) });
  return {
    scenarioId,
    rows: machines.length,
    machines: machines.reduce((sum, row) => sum + row.machines, 0),
    notes: read.notes.map((note) => note.message),
    fileNotes: read.notes,
  };
}
