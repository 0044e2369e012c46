import { describe, expect, it } from 'vitest';
import { demoProvinceAreas, readVietnamCsv } from '../../bench/_data.ts';
import { minutesPerDossierFromThroughput } from '../capacity/minutes-per-dossier-from-throughput.ts';
import { planCampaign } from './plan-campaign.ts';
import { plannedDailySeries } from './planned-daily-series.ts';
import type { CampaignInput, MachineAllocation } from './types.ts';

// Đắk Nông (GSO 67), field report 000: open 05:00–24:00; 15,574 dossiers on 19–20 March 2021
// province-wide; on 20 March Đắk Song 1,085 and Đắk Glong 1,123.
const DAK_NONG_HOURS = { open: '05:00', close: '24:00' };
const communes = readVietnamCsv('demo_nghean_daknong_2021.csv').filter((row) => row.province_code === '67');

function dakNong(machines: MachineAllocation[], minutesPerDossier: number): CampaignInput {
  return {
    areas: demoProvinceAreas('67'),
    calendar: { start: '2021-03-19', deadline: '2021-06-30', timeZone: 'Asia/Ho_Chi_Minh' },
    hours: DAK_NONG_HOURS,
    service: { minutesPerDossier },
    machines,
  };
}

describe('the Đắk Nông field report', () => {
  it('has the census population the data README states (622,168)', () => {
    expect(communes.reduce((sum, c) => sum + Number(c.pop2019_total), 0)).toBe(622_168);
  });

  it.each([
    ['665', 'Đắk Song', 1_085],
    ['661', 'Đăk Glong', 1_123],
  ])(
    'reproduces %s (%s) doing %i on 20 March with 4 machines at the throughput that implies',
    (code, _name, done) => {
      const machinesPerDistrict = 4;
      const minutes = minutesPerDossierFromThroughput({
        dossiersPerMachineDay: done / machinesPerDistrict,
        hours: DAK_NONG_HOURS,
      });
      const input = dakNong([{ areaCode: code, machines: machinesPerDistrict }], minutes);
      input.calendar.start = '2021-03-20';
      const series = plannedDailySeries(input, code);
      expect(series[0]).toEqual({ date: '2021-03-20', planned: done, cumulativePlanned: done });
      // At that pace the district's people aged 14+ are done long before 30 June.
      const row = planCampaign(input).areas.find((a) => a.code === code);
      expect(row?.status).toBe('on-time');
    },
  );

  it('plans 15,574 dossiers province-wide over 19–20 March with a pool working at that pace', () => {
    const machines = 20;
    const minutes = minutesPerDossierFromThroughput({
      dossiersPerMachineDay: 15_574 / 2 / machines,
      hours: DAK_NONG_HOURS,
    });
    const series = plannedDailySeries(dakNong([{ areaCode: '67', machines }], minutes), '67');
    expect(series.slice(0, 2).map((d) => d.date)).toEqual(['2021-03-19', '2021-03-20']);
    expect(series[1]?.cumulativePlanned).toBe(15_574);
  });
});
