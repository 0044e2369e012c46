import { describe, expect, it } from 'vitest';
import type { ScenarioAssumptionsFragment } from '../../gql/graphql.ts';
import { assumptionRows } from './assumption-rows.ts';

/** nghe-an-2021 as the demo stores it: 05:00–24:00, 1440 / 278 minutes a dossier, no area of its own. */
const ngheAn: ScenarioAssumptionsFragment = {
  hours: { open: '05:00', close: '24:00' },
  service: { minutesPerDossier: 1440 / 278, availability: null },
  serviceOverrides: [],
};

/**
 * A re-plan of it: the same pace for the scenario, and the pace each of 21 districts reported
 * (codes 412–432), from 13 to 32 minutes a dossier.
 */
const replan: ScenarioAssumptionsFragment = {
  ...ngheAn,
  serviceOverrides: [
    13, 14.5, 15, 16, 17.25, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 31.5, 32,
  ].map((minutesPerDossier, index) => ({ areaCode: String(412 + index), minutesPerDossier })),
};

const valuesOf = (rows: ReturnType<typeof assumptionRows>, key: string) =>
  rows.find((row) => row.key === key)?.values;

describe('assumptionRows', () => {
  it('shows that a re-plan’s 21 districts take 13–32 minutes a dossier where the scenario says 5.18', () => {
    const vi = assumptionRows('vi', [ngheAn, replan]);
    // The scenario's own pace is the same in both: on its own it hid the re-plan's.
    expect(valuesOf(vi, 'minutesPerDossier')).toEqual(['5,18', '5,18']);
    const byArea = vi.find((row) => row.key === 'minutesPerDossierByArea');
    expect(byArea?.label).toBe('Phút/hồ sơ theo địa bàn');
    expect(byArea?.values).toEqual(['như kịch bản', '13–32 (21 địa bàn)']);
    const en = assumptionRows('en', [ngheAn, replan]);
    expect(en.find((row) => row.key === 'minutesPerDossierByArea')).toEqual({
      key: 'minutesPerDossierByArea',
      label: 'Minutes per dossier by area',
      values: ['as the scenario', '13–32 (21 areas)'],
    });
  });

  it('says the re-plan first and the scenario second the other way round', () => {
    expect(valuesOf(assumptionRows('en', [replan, ngheAn]), 'minutesPerDossierByArea')).toEqual([
      '13–32 (21 areas)',
      'as the scenario',
    ]);
  });

  it('gives one area its pace alone, in the reader’s digits', () => {
    const one = { ...ngheAn, serviceOverrides: [{ areaCode: '661', minutesPerDossier: 5.4 }] };
    expect(valuesOf(assumptionRows('vi', [ngheAn, one]), 'minutesPerDossierByArea')).toEqual([
      'như kịch bản',
      '5,4 (1 địa bàn)',
    ]);
    expect(valuesOf(assumptionRows('en', [ngheAn, one]), 'minutesPerDossierByArea')).toEqual([
      'as the scenario',
      '5.4 (1 area)',
    ]);
  });

  it('leaves the row out when no scenario gives an area a pace of its own', () => {
    const longer = { ...ngheAn, hours: { open: '00:00', close: '24:00' } };
    const rows = assumptionRows('en', [ngheAn, longer]);
    expect(rows.map((row) => row.key)).toEqual(['hours', 'minutesPerDossier', 'availability']);
    expect(valuesOf(rows, 'hours')).toEqual(['05:00–24:00', '00:00–24:00']);
    expect(valuesOf(rows, 'availability')).toEqual(['100%', '100%']);
  });
});
