// Issue 11 §1 on a real process: a heavy computation runs off the event loop, so a light request
// sent after it is answered first, and SIGTERM stops the process cleanly while it computes. The
// process has the demo data in its own in-memory PGlite, or in this file's PostgreSQL schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, post, startApi } from './_processes.ts';
import { useDatabase } from './graphql.ts';

useDatabase({ demo: true });

let api: ApiProcess;
let token = '';
beforeAll(async () => {
  // A generous time budget: this file is about the event loop, not the budget (a loaded machine
  // may take longer than the default over the heavy roster).
  api = await startApi({ MUSTER_DEMO: '1', COMPUTE_BUDGET_MS: '60000' });
  // The demo admin token the process printed at start (its database may be its own).
  token = /admin\s+everything\s+(mst_\S+)/i.exec(api.output())?.[1] ?? '';
  if (token === '') throw new Error(`no demo token printed:\n${api.output()}`);
}, 120_000);
afterAll(async () => {
  await api?.kill();
});

// Nearly the heaviest roster one request may ask for (9 of them priced, 4 built for Nghệ An's 19 h
// in 5 shifts): about 0.1 s of computing on the development machine, with its plan more.
const HEAVY = `{ plan(scenarioId: "nghe-an-2021", areaCode: "40") { ... on CampaignPlan {
  roster(days: 175, shiftHours: 4) { __typename } } } }`;

const MOBILE_TEAMS = `query ($teams: [MobileTeamInput!]!) { plan(scenarioId: "nghe-an-2021", areaCode: "40") {
  ... on CampaignPlan { mobileTeams(teams: $teams) { __typename } } } }`;

describe('a service computing a heavy request', () => {
  it('answers a light request sent after it first', async () => {
    const order: string[] = [];
    const heavy = post<{ plan: { roster: { __typename: string } } }>(api.url, token, HEAVY, {}).then((r) => {
      order.push('heavy');
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const light = await post<{ viewer: { name: string } }>(api.url, token, '{ viewer { name } }', {});
    order.push('light');
    expect(light.body.data?.viewer.name, JSON.stringify(light.body)).toBe('Quản trị mẫu');
    expect((await heavy).body.data?.plan.roster.__typename).toBe('Roster');
    expect(order).toEqual(['light', 'heavy']);
  });

  it('stops cleanly on SIGTERM while it computes', async () => {
    // Not asked before (the roster above may now be answered from what was kept): 260 mobile
    // teams over Nghệ An's communes, some tenths of a second of computing.
    const teams = Array.from({ length: 260 }, (_, i) => ({ id: `SIGTERM-${i}`, machines: 2 }));
    let answered = false;
    const heavy = post(api.url, token, MOBILE_TEAMS, { teams }).then(
      () => {
        answered = true;
      },
      () => {
        answered = true;
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The signal comes while the request is in flight.
    expect(answered).toBe(false);
    const code = await api.stop();
    await heavy;
    expect(code).toBe(0);
  });
});
