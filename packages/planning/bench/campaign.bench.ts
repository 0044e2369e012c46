import { planCampaign } from '../src/index.ts';
import { nationalAreas } from './_data.ts';
import { type BenchRow, heapPeakMiB, time } from './_harness.ts';

/** Issue 2: a national plan on one core in under 100 ms. */
const TARGET_MS = 100;

export async function run(): Promise<BenchRow[]> {
  const areas = nationalAreas();
  const input = {
    areas,
    calendar: { start: '2021-03-22', deadline: '2021-06-30', timeZone: 'Asia/Ho_Chi_Minh' },
    hours: { open: '05:00', close: '24:00' },
    service: { minutesPerDossier: 3.48, availability: 0.9, hardCaseShare: 0.1, hardCaseExtraMinutes: 4 },
  };
  const withMachines = {
    ...input,
    machines: Object.fromEntries(areas.filter((a) => a.level === 'province').map((a) => [a.code, 150])),
  };
  // Baseline: one pass that only sums the communes' population — the least any plan must do.
  const baseline = time(() => areas.reduce((sum, a) => sum + (a.population ?? 0), 0), { runs: 15 });
  const sizing = time(() => planCampaign(input), { runs: 9 });
  const completion = time(() => planCampaign(withMachines), { runs: 9 });
  const heap = heapPeakMiB(() => planCampaign(withMachines));
  const leaves = areas.filter((a) => a.level === 'commune').length;
  return [
    {
      name: `planCampaign, sizing, ${areas.length} areas (${leaves} communes)`,
      measured: `${sizing.medianMs.toFixed(1)} ms median (${(sizing.medianMs / baseline.medianMs).toFixed(0)}× a bare sum)`,
      target: `< ${TARGET_MS} ms`,
      meets: sizing.medianMs < TARGET_MS,
    },
    {
      name: 'planCampaign, 63 province pools',
      measured: `${completion.medianMs.toFixed(1)} ms median`,
      target: `< ${TARGET_MS} ms`,
      meets: completion.medianMs < TARGET_MS,
    },
    {
      name: 'planCampaign heap growth, one national plan',
      measured: `${heap.toFixed(1)} MiB`,
      target: 'reported',
      meets: null,
    },
  ];
}
