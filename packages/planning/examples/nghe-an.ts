/**
 * A worked plan on the real data: Nghệ An and Đắk Nông in spring 2021 (GSO codes 40 and 67,
 * 2019 census population, district share aged 14+; sources in data/vietnam/README.md).
 * Run with `pnpm --filter @muster/planning example`.
 */
import { demoProvinceAreas } from '../bench/_data.ts';
import { type AreaPlan, planCampaign, solveFor } from '../src/index.ts';

function table(
  title: string,
  plans: AreaPlan[],
  columns: [string, (a: AreaPlan) => string | number | null][],
): void {
  console.log(`\n${title}`);
  const cells = plans.map((a) => columns.map(([, pick]) => String(pick(a) ?? '—')));
  const widths = columns.map(([head], i) => Math.max(head.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (values: string[]) =>
    values.map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(columns.map(([head]) => head)));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

const n = (x: number | null) => (x === null ? null : Math.round(x).toLocaleString('en-US'));

// Nghệ An: 176 machines, 278 dossiers per machine-day, three teams round the clock (field report).
const ngheAn = planCampaign({
  areas: demoProvinceAreas('40'),
  calendar: { start: '2021-03-22', deadline: '2021-06-30', timeZone: 'Asia/Ho_Chi_Minh' },
  hours: { open: '00:00', close: '24:00' },
  service: { minutesPerDossier: 1440 / 278 },
  machines: [{ areaCode: '40', machines: 176 }],
});
table(
  'Nghệ An with 176 machines at 278 dossiers per machine-day, from 22 March 2021 (deadline 30 June)',
  ngheAn.areas.filter((a) => a.depth <= 1).slice(0, 12),
  [
    ['area', (a) => a.name],
    ['people 14+', (a) => n(a.eligible)],
    ['machines', (a) => a.machines],
    ['daily target', (a) => n(a.dailyTarget)],
    ['finishes', (a) => a.completionDate],
    ['status', (a) => a.status],
  ],
);

// Đắk Nông: 05:00–24:00 every day; service time from Hưng Nguyên (3.48 min), 10 % hard fingerprints.
const dakNongInput = {
  areas: demoProvinceAreas('67'),
  calendar: { start: '2021-03-20', deadline: '2021-06-30', timeZone: 'Asia/Ho_Chi_Minh' },
  hours: { open: '05:00', close: '24:00' },
  service: { minutesPerDossier: 3.48, availability: 0.9, hardCaseShare: 0.1, hardCaseExtraMinutes: 4 },
};
const dakNong = planCampaign(dakNongInput);
table(
  'Đắk Nông open 05:00–24:00 from 20 March: machines needed to finish by 30 June',
  dakNong.areas.filter((a) => a.depth <= 1),
  [
    ['area', (a) => a.name],
    ['people 14+', (a) => n(a.eligible)],
    ['daily target', (a) => n(a.dailyTarget)],
    ['machines (pooled)', (a) => a.machinesNeeded],
    ['machines (a site per commune)', (a) => a.machinesNeededAtSites],
  ],
);
console.log(
  `\nWhat-if: with 20 machines for Đắk Nông, the shortest daily window from 05:00 is ${solveFor('hoursPerDay', { ...dakNongInput, machines: [{ areaCode: '67', machines: 20 }] }).toFixed(2)} hours.`,
);
console.log('Assumptions:');
for (const a of dakNong.assumptions) console.log(`  ${a.key} = ${a.value} (${a.source}): ${a.note}`);
