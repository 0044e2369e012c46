/**
 * `pnpm bench`: every planning benchmark, each printing its measured figures beside the
 * targets its issue names. Timings are medians; ratios compare with a baseline timed in this
 * same process, since these machines are shared and noisy. `pnpm bench shifts` runs only the
 * suites whose title contains one of the words given (case-insensitive).
 */
import { type BenchRow, printRows } from './_harness.ts';
import { run as runCampaign } from './campaign.bench.ts';
import { run as runItineraries } from './itineraries.bench.ts';
import { run as runQueueing } from './queueing.bench.ts';
import { run as runShifts } from './shifts.bench.ts';
import { run as runSitesAndTeams } from './sites-and-teams.bench.ts';

type Suite = { title: string; run: () => Promise<BenchRow[]> };

const suites: Suite[] = [
  { title: 'Campaign sizing on the national tree (issue 2)', run: runCampaign },
  { title: 'Queueing and hourly staffing (issues 3, 14)', run: runQueueing },
  { title: 'Mobile teams: visit calendar (issue 7)', run: runItineraries },
  { title: 'Fixed sites and mobile teams in one plan (issue 18)', run: runSitesAndTeams },
  { title: 'Shifts: exact covering against HiGHS (issue 4)', run: runShifts },
];

const filters = process.argv.slice(2).map((word) => word.toLowerCase());
const chosen = suites.filter(
  (suite) => filters.length === 0 || filters.some((word) => suite.title.toLowerCase().includes(word)),
);
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
for (const suite of chosen) printRows(suite.title, await suite.run());
