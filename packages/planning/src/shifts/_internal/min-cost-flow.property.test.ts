import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FlowSolver, MinCostFlow } from './min-cost-flow.ts';
import { NetworkSimplex } from './network-simplex.ts';

type Arc = { from: number; to: number; cost: number; lower: number; upper: number };
type Network = { nodes: number; arcs: Arc[]; supply: number[] };

// Small enough to enumerate every flow: at most 4^7 ≈ 16 000 vectors.
const MAX_NODES = 4;
const MAX_ARCS = 7;
const MAX_ROOM = 3;

const arc = (nodes: number) =>
  fc
    .record({
      from: fc.nat(nodes - 1),
      to: fc.nat(nodes - 1),
      cost: fc.integer({ min: -5, max: 9 }),
      lower: fc.nat(1),
      room: fc.nat(MAX_ROOM),
    })
    .map(({ room, ...a }) => ({ ...a, upper: a.lower + room }));

/** A network with supplies that some flow meets (`feasible`), or arbitrary ones. */
const network = fc.integer({ min: 2, max: MAX_NODES }).chain((nodes) =>
  fc
    .record({
      arcs: fc.array(arc(nodes), { minLength: 1, maxLength: MAX_ARCS }),
      pick: fc.array(fc.nat(MAX_ROOM + 1), { minLength: MAX_ARCS, maxLength: MAX_ARCS }),
      noise: fc.array(fc.integer({ min: -1, max: 1 }), { minLength: nodes, maxLength: nodes }),
      feasible: fc.boolean(),
    })
    .map(({ arcs, pick, noise, feasible }) => {
      const supply = new Array<number>(nodes).fill(0);
      arcs.forEach((a, i) => {
        const f = a.lower + ((pick[i] ?? 0) % (a.upper - a.lower + 1));
        supply[a.from] = (supply[a.from] ?? 0) + f;
        supply[a.to] = (supply[a.to] ?? 0) - f;
      });
      if (!feasible) {
        // Unbalanced noise is infeasible; balanced noise may or may not be.
        noise.forEach((d, v) => {
          supply[v] = (supply[v] ?? 0) + d;
        });
      }
      return { nodes, arcs, supply };
    }),
);

/** The cheapest flow by trying every integer flow within the bounds (null: none meets the supplies). */
function bruteForce(net: Network): number | null {
  let best: number | null = null;
  const flows = net.arcs.map((a) => a.lower);
  const visit = (i: number): void => {
    if (i === net.arcs.length) {
      const balance = new Array<number>(net.nodes).fill(0);
      let cost = 0;
      net.arcs.forEach((a, k) => {
        const f = flows[k] ?? 0;
        balance[a.from] = (balance[a.from] ?? 0) + f;
        balance[a.to] = (balance[a.to] ?? 0) - f;
        cost += f * a.cost;
      });
      if (balance.every((b, v) => b === net.supply[v]) && (best === null || cost < best)) best = cost;
      return;
    }
    const a = net.arcs[i] as Arc;
    for (let f = a.lower; f <= a.upper; f++) {
      flows[i] = f;
      visit(i + 1);
    }
  };
  visit(0);
  return best;
}

function build(make: (nodes: number) => FlowSolver, net: Network): FlowSolver {
  const solver = make(net.nodes);
  for (const a of net.arcs) solver.addArc(a.from, a.to, a.cost, a.lower, a.upper);
  net.supply.forEach((s, v) => {
    solver.addSupply(v, s);
  });
  return solver;
}

/** The solve agrees with enumeration, and its flow is one: within bounds, supplies met, at that cost. */
function expectAgreement(solver: FlowSolver, net: Network, warm: boolean): void {
  const expected = bruteForce(net);
  const result = solver.solve(warm);
  expect(result.feasible).toBe(expected !== null);
  // Proved either way: a minimum, or that no flow exists.
  expect(result.certified).toBe(true);
  if (expected === null) return;
  expect(result.cost).toBe(expected);
  const balance = new Array<number>(net.nodes).fill(0);
  let cost = 0;
  net.arcs.forEach((a, k) => {
    const f = solver.flowOf(k);
    expect(f).toBeGreaterThanOrEqual(a.lower);
    expect(f).toBeLessThanOrEqual(a.upper);
    balance[a.from] = (balance[a.from] ?? 0) + f;
    balance[a.to] = (balance[a.to] ?? 0) - f;
    cost += f * a.cost;
  });
  expect(balance).toEqual(net.supply);
  expect(cost).toBe(expected);
}

const SOLVERS: [string, (nodes: number) => FlowSolver][] = [
  ['primal-dual', (nodes) => new MinCostFlow(nodes)],
  ['network simplex', (nodes) => new NetworkSimplex(nodes)],
];

describe.each(SOLVERS)('%s min-cost flow against enumeration of every flow', (_name, make) => {
  it('finds the cheapest flow, or reports none, on small networks with bounds and negative costs', () => {
    fc.assert(
      fc.property(network, (net) => {
        expectAgreement(build(make, net), net, false);
      }),
    );
  });

  it('stays exact when re-solved warm after its costs and bounds move', () => {
    const moves = fc.array(
      fc.record({
        costs: fc.array(fc.integer({ min: -5, max: 9 }), { minLength: MAX_ARCS, maxLength: MAX_ARCS }),
        tighten: fc.array(fc.boolean(), { minLength: MAX_ARCS, maxLength: MAX_ARCS }),
      }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(network, moves, (net, steps) => {
        const solver = build(make, net);
        expectAgreement(solver, net, false);
        let current = net;
        for (const step of steps) {
          // New prices on every arc; some arcs lose the top of their range.
          const arcs = current.arcs.map((a, k) => ({
            ...a,
            cost: step.costs[k] ?? a.cost,
            upper: step.tighten[k] ? Math.max(a.lower, a.upper - 1) : a.upper,
          }));
          arcs.forEach((a, k) => {
            solver.setCost(k, a.cost);
            solver.setBounds(k, a.lower, a.upper);
          });
          current = { ...current, arcs };
          expectAgreement(solver, current, true);
        }
      }),
    );
  });
});
