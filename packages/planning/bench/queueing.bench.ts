/**
 * Issue 3 benchmarks: Erlang C evaluations per second at 10, 1,000 and 10,000 servers; hourly
 * staffing of every 2021 commune for 24 hours (target under 200 ms on one core); simulator events
 * per second. Baseline in the same process: one Erlang C at 10 servers.
 */
import { erlangC } from '../src/queueing/erlang-c.ts';
import { simulateQueue } from '../src/queueing/simulate-queue.ts';
import { planHourlyStaffing } from '../src/staffing/plan-hourly-staffing.ts';
import { readVietnamCsv } from './_data.ts';
import { type BenchRow, time } from './_harness.ts';

const EVALUATIONS = 2_000;
/** Eligible share (14+) × turnout, spread over a 60-day campaign: a commune's daily visitors. */
const VISITORS_PER_PERSON_PER_DAY = (0.8 * 0.9) / 60;

function communePopulations(): number[] {
  return readVietnamCsv('population_commune_2021units.csv').map((row) => Number(row.pop2019_total));
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  let baselinePerSecond = 0;
  for (const servers of [10, 1_000, 10_000]) {
    const load = servers * 0.95;
    const t = time(() => {
      let sink = 0;
      for (let i = 0; i < EVALUATIONS; i++) sink += erlangC(servers, load + (i % 7) * 1e-3);
      return sink;
    });
    const perSecond = (EVALUATIONS / t.medianMs) * 1000;
    if (servers === 10) baselinePerSecond = perSecond;
    rows.push({
      name: `erlangC at ${servers.toLocaleString('en')} servers (ρ = 0.95)`,
      measured: `${Math.round(perSecond).toLocaleString('en')}/s (×${(perSecond / baselinePerSecond).toFixed(4)} of 10)`,
      target: 'reported (O(servers) recursion)',
      meets: null,
    });
  }

  const populations = communePopulations();
  const staffing = time(
    () => {
      let machineHours = 0;
      for (const population of populations) {
        machineHours += planHourlyStaffing({
          dailyVisitors: population * VISITORS_PER_PERSON_PER_DAY,
          hours: { open: '00:00', close: '24:00' },
          serviceMinutes: 3.48,
          machinesAvailable: 6,
          target: { meanWaitMinutes: 15 },
        }).machineHours;
      }
      return machineHours;
    },
    { runs: 5, warmup: 1 },
  );
  rows.push({
    name: `hourly staffing, ${populations.length.toLocaleString('en')} communes × 24 h`,
    measured: `${staffing.medianMs.toFixed(0)} ms`,
    target: '< 200 ms on one core',
    meets: staffing.medianMs < 200,
  });

  let events = 0;
  const simulation = time(
    () => {
      events = simulateQueue({
        seed: 1,
        arrivalsPerHour: new Array(1_000).fill(100),
        machinesOpen: 6,
        serviceMinutes: 3,
        availability: 0.95,
      }).events;
    },
    { runs: 5, warmup: 1 },
  );
  rows.push({
    name: 'simulateQueue events',
    measured: `${Math.round((events / simulation.medianMs) * 1000).toLocaleString('en')}/s (${events.toLocaleString('en')} events)`,
    target: 'reported',
    meets: null,
  });
  return rows;
}
