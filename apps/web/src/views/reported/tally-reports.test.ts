import { describe, expect, it } from 'vitest';
import { type Lineage, tallyReports } from './tally-reports.ts';

// The field reports of 20 March 2021 as the demo stores them: Đắk Nông (67) half of its 15,574
// two-day total, Đắk Song (665) 1,085, Đắk Glong (661) 1,123.
const DAK_NONG: Lineage = { code: '67', depth: 0 };
const DAK_SONG: Lineage = { code: '665', depth: 1, parent: DAK_NONG };
const DAK_GLONG: Lineage = { code: '661', depth: 1, parent: DAK_NONG };
const TWENTIETH = [
  { teamCode: null, dossiers: 7787, area: DAK_NONG },
  { teamCode: null, dossiers: 1085, area: DAK_SONG },
  { teamCode: null, dossiers: 1123, area: DAK_GLONG },
];

describe('who reported on a day', () => {
  it('finds Đắk Song and Đắk Glong reported on 20 March, and the province’s own total apart', () => {
    const tally = tallyReports(TWENTIETH, '67', 1);
    expect([...tally.byArea]).toEqual([
      ['665', { reports: 1, dossiers: 1085 }],
      ['661', { reports: 1, dossiers: 1123 }],
    ]);
    expect(tally.own).toEqual({ reports: 1, dossiers: 7787 });
    expect(tally.byTeam.size).toBe(0);
  });

  it('counts a commune’s report for its district, and a team’s report for the team', () => {
    // Thuận Hạnh (24724), a commune of Đắk Song, reported by Tổ lưu động Đắk Song (its mobile team).
    const commune: Lineage = { code: '24724', depth: 2, parent: DAK_SONG };
    const tally = tallyReports(
      [
        { teamCode: 'DN-DAK-SONG-MOBILE', dossiers: 140, area: commune },
        { teamCode: null, dossiers: 1085, area: DAK_SONG },
      ],
      '67',
      1,
    );
    expect(tally.byArea.get('665')).toEqual({ reports: 2, dossiers: 1225 });
    expect(tally.byTeam.get('DN-DAK-SONG-MOBILE')).toEqual({ reports: 1, dossiers: 140 });
    expect(tally.own).toBeNull();
  });

  it('counts per root when no area is viewed (an admin’s whole country)', () => {
    const tally = tallyReports(TWENTIETH, null, 0);
    expect(tally.byArea.get('67')).toEqual({ reports: 3, dossiers: 7787 + 1085 + 1123 });
    expect(tally.own).toBeNull();
  });

  it('leaves out an area that did not report rather than counting it as zero', () => {
    expect(tallyReports(TWENTIETH, '67', 1).byArea.has('660')).toBe(false);
  });
});
