// Before the stories: the app built from the current sources, and one demo API process on loopback
// for all of them (see _server.ts); it stops when the run ends.
import type { TestProject } from 'vitest/node';
import { buildWebApp, type DemoServer, type RunningServer, startDemoServer } from './_server.ts';

/** Longest the API lives; the stories take about a minute. */
const PROCESS_LIFETIME_MS = 15 * 60_000;

declare module 'vitest' {
  export interface ProvidedContext {
    server: DemoServer;
  }
}

let running: RunningServer | null = null;

export async function setup(project: TestProject): Promise<void> {
  buildWebApp();
  running = await startDemoServer(PROCESS_LIFETIME_MS);
  project.provide('server', { origin: running.origin, tokens: running.tokens });
}

export async function teardown(): Promise<void> {
  await running?.stop();
}
