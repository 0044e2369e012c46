// The API as the benchmark drives it: migrations, the demo data, one admin token for reading and
// one reporter token per demo team, the real HTTP front (body limit included) on an ephemeral
// loopback port. It prints one JSON line with the port and tokens, answers `memory` messages over
// IPC with its process.memoryUsage() (and its heavy lane's RSS) and `loop` messages with its event
// loop's delay since the last `loop` (then starts counting again), and stops on SIGTERM or when
// its parent goes away.
import '../src/production-mode.ts';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { issueToken } from '../src/auth/tokens.ts';
import { sharedCacheStats } from '../src/cache/shared-cache.ts';
import { computePool, destroyComputePool } from '../src/compute/pool.ts';
import { seedDemo } from '../src/data/seed-demo.ts';
import { database } from '../src/db.ts';
import { createHttpServer } from '../src/http-server.ts';
import { applyMigrations } from '../src/migrate.ts';

/** The demo's teams and the home area each reports for. */
const BENCH_TEAMS = [
  { teamCode: 'DN-DAK-SONG-MOBILE', homeAreaCode: '665' },
  { teamCode: 'DN-DAK-GLONG-MOBILE', homeAreaCode: '661' },
  { teamCode: 'NA-HUNG-NGUYEN', homeAreaCode: '18001' },
] as const;

export type BenchServerReady = {
  port: number;
  readerToken: string;
  reporters: { teamCode: string; token: string; areaCodes: string[] }[];
};

/**
 * Memory after a full collection, the estimated bytes of the plans kept (bounded, PLAN_CACHE_MIB),
 * and the heavy lane's process's resident memory (null when it is not running or not readable).
 */
export type BenchMemory = {
  rssBytes: number;
  heapUsedBytes: number;
  cacheBytes: number;
  heavyLaneRssBytes: number | null;
};

/** A process's resident memory from Linux's /proc (VmRSS, in kB); null elsewhere or once it is gone. */
function residentBytes(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kilobytes === undefined ? null : Number(kilobytes) * 1024;
  } catch {
    return null;
  }
}
/** How late the event loop ran its timers, in milliseconds (sampled every 5 ms). */
export type BenchLoopDelay = { p99Ms: number; maxMs: number };

async function main(): Promise<void> {
  await applyMigrations(database);
  await seedDemo(database.prisma);
  const readerToken = (await issueToken(database.prisma, { role: 'ADMIN', name: 'bench reader' })).token;
  const reporters: BenchServerReady['reporters'] = [];
  for (const { teamCode, homeAreaCode } of BENCH_TEAMS) {
    const communes = await database.prisma.area.findMany({
      where: { parentCode: homeAreaCode },
      select: { code: true },
      orderBy: { code: 'asc' },
      take: 4,
    });
    reporters.push({
      teamCode,
      token: (await issueToken(database.prisma, { role: 'REPORTER', name: `bench ${teamCode}`, teamCode }))
        .token,
      areaCodes: [homeAreaCode, ...communes.map((area) => area.code)],
    });
  }

  computePool({ warm: true });
  const server = createHttpServer();
  server.listen(0, '127.0.0.1', () => {
    const ready: BenchServerReady = { port: (server.address() as AddressInfo).port, readerToken, reporters };
    console.log(JSON.stringify(ready));
  });
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  process.on('message', (message) => {
    if (message === 'loop') {
      const delay: BenchLoopDelay = { p99Ms: loop.percentile(99) / 1e6, maxMs: loop.max / 1e6 };
      loop.reset();
      process.send?.(delay);
    }
    if (message === 'memory') {
      (globalThis as { gc?: () => void }).gc?.();
      const usage = process.memoryUsage();
      process.send?.({
        rssBytes: usage.rss,
        heapUsedBytes: usage.heapUsed,
        cacheBytes: sharedCacheStats().bytes,
        heavyLaneRssBytes: residentBytes(computePool().heavy.pid),
      } satisfies BenchMemory);
    }
  });
  const stop = (): void => {
    server.closeAllConnections();
    server.close(() => {
      void destroyComputePool()
        .then(() => database.close())
        .then(() => process.exit(0));
    });
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
}

if (process.send) await main();
