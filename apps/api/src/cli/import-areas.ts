// `pnpm --filter @muster/api import:areas VIETNAM_2025`: loads a bundled area dataset (DEMO,
// COUNTRY: the 2021 units; VIETNAM_2025: the units of 1 July 2025) into the database; areas
// already present are left as they are, so running it again changes nothing.
import { PlanningInputError } from '@muster/planning';
import { AREA_DATASETS, type AreaDatasetName } from '../data/area-datasets.ts';
import { importAreas } from '../data/import-areas.ts';
import { summariseVietnam2025 } from '../data/vietnam-2025.ts';
import { database } from '../db.ts';
import { applyMigrations } from '../migrate.ts';

const names = Object.keys(AREA_DATASETS) as AreaDatasetName[];
const usage = `usage: import:areas <dataset>\n${names.map((name) => `  ${name.padEnd(13)}${AREA_DATASETS[name].description}`).join('\n')}`;

function datasetNamed(value: string | undefined): AreaDatasetName {
  const name = names.find((candidate) => candidate === value?.toUpperCase().replace('-', '_'));
  if (name) return name;
  throw new PlanningInputError({
    path: 'dataset',
    code: value === undefined ? 'required' : 'format',
    expected: names.join(', '),
    received: value ?? null,
  });
}

let status = 0;
try {
  const name = datasetNamed(process.argv[2]);
  await applyMigrations(database);
  const rows = AREA_DATASETS[name].read();
  const started = performance.now();
  const inserted = await importAreas(database.prisma, rows);
  console.log(
    `${name}: ${inserted} of ${rows.length} areas inserted in ${Math.round(performance.now() - started)} ms`,
  );
  if (name === 'VIETNAM_2025') {
    const s = summariseVietnam2025();
    const n = (value: number) => value.toLocaleString('en');
    const rules = Object.entries(s.peopleByRule).map(
      ([rule, people]) =>
        `${rule} ${n(people)} (${n(s.unitsByRule[rule as keyof typeof s.unitsByRule])} units)`,
    );
    console.log(
      `2019 population carried onto the 2025 communes: ${n(s.people)} people; by rule: ${rules.join(', ')}; ` +
        `${n(s.unitsSplit)} 2021 communes (${n(s.peopleSplit)} people) shared evenly between 2025 communes; ${n(s.communesFromWholeParts)} of ${n(s.communes)} ` +
        `communes formed of whole 2021 communes; the neighbour rule agrees with the name on ` +
        `${s.neighbourCheck.agreeing} of ${s.neighbourCheck.communes} communes.`,
    );
  }
} catch (error) {
  if (!(error instanceof PlanningInputError)) throw error;
  console.error(`${error.message}\n${usage}`);
  status = 2;
} finally {
  await database.close();
}
process.exit(status);
