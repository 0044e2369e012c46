import { describe, expect, it } from 'vitest';
import { refusal } from '../errors/_fixtures/refusal.ts';
import { planCampaign } from './plan-campaign.ts';
import { plannedMachinesByArea } from './planned-machines-by-area.ts';
import type { CampaignInput } from './types.ts';

// Ten open days of 10 hours at 6 minutes a dossier: 100 dossiers a machine-day, 1,000 a machine
// over the campaign. A district d of two communes (3,000 and 1,000 eligible) and a commune e (500).
const input: CampaignInput = {
  areas: [
    { code: 'p', name: 'P' },
    { code: 'd', name: 'D', parentCode: 'p' },
    { code: 'a', name: 'A', parentCode: 'd', eligible: 3_000 },
    { code: 'b', name: 'B', parentCode: 'd', eligible: 1_000 },
    { code: 'e', name: 'E', parentCode: 'p', eligible: 500 },
  ],
  calendar: { start: '2021-03-19', deadline: '2021-03-28' },
  hours: { open: '08:00', close: '18:00' },
  service: { minutesPerDossier: 6 },
};

describe('plannedMachinesByArea', () => {
  it('gives each area the machines stationed there, its share of the pool above', () => {
    // Two machines for d, shared 3,000 : 1,000 with at least one each; none serves e.
    const machines = plannedMachinesByArea(
      planCampaign({ ...input, machines: [{ areaCode: 'd', machines: 2 }] }),
    );
    expect(machines).toEqual({ p: 2, d: 2, a: 1, b: 1, e: null });
  });

  it('gives every area of a pool too small to share its whole pool', () => {
    // One machine for the province moves between its areas: each has that one.
    const machines = plannedMachinesByArea(
      planCampaign({ ...input, machines: [{ areaCode: 'p', machines: 1 }] }),
    );
    expect(machines).toEqual({ p: 1, d: 1, a: 1, b: 1, e: 1 });
  });

  it('gives the machines each area needs when none are given', () => {
    // 1,000 dossiers a machine: a 3,000 → 3, b 1,000 → 1, e 500 → 1, d 4,000 → 4, p 4,500 → 5.
    expect(plannedMachinesByArea(planCampaign(input))).toEqual({ p: 5, d: 4, a: 3, b: 1, e: 1 });
  });

  it('names the refused field', () => {
    expect(refusal(() => plannedMachinesByArea({ mode: 'guess' } as never))).toEqual(['plan.mode', 'format']);
    expect(refusal(() => plannedMachinesByArea({ mode: 'sizing' } as never))).toEqual(['plan.areas', 'type']);
  });
});
