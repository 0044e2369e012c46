import fc from 'fast-check';

// A pinned seed so a property failure replays on any machine; override with FC_SEED=<n>.
const DEFAULT_SEED = 20_210_320;
const seed = Number(process.env.FC_SEED ?? DEFAULT_SEED);
const numRuns = Number(process.env.FC_RUNS ?? 100);

fc.configureGlobal({ seed, numRuns });
if (!(globalThis as { __fcSeedPrinted?: boolean }).__fcSeedPrinted) {
  (globalThis as { __fcSeedPrinted?: boolean }).__fcSeedPrinted = true;
  console.info(`fast-check seed ${seed} (FC_SEED), ${numRuns} runs per property (FC_RUNS)`);
}
