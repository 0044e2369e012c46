// The demo: Nghệ An and Đắk Nông as they were in March 2021, with the field reports' figures
// (seeds in /work/shared/seeds: Đắk Nông police 20–21 March 2021; Nghệ An, March 2021), and
// Nghệ An again in the units of 1 July 2025 (no districts, 130 communes) with the same figures.
// Names and notes are in Vietnamese, as the campaign's own planners would write them; the app shows
// them as they are in either language.
import { recordActuals } from '../actuals/record-actuals.ts';
import { systemPrincipal } from '../auth/tokens.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { importAreas } from './import-areas.ts';
import { readVietnam2025Areas, vietnam2025Code } from './vietnam-2025.ts';
import { readDemoAreas } from './vietnam-areas.ts';

export const DEMO_SCENARIO_IDS = {
  ngheAn: 'nghe-an-2021',
  dakNong: 'dak-nong-2021',
  ngheAn2025: 'nghe-an-2025',
} as const;

/** Nghệ An in the units of 2025: the province kept its borders, so its 2019 people are all there. */
export const NGHE_AN_2025 = vietnam2025Code('40');

/** Đắk Nông's two-day total on 19–20 March 2021; the report gives no split by day. */
export const DAK_NONG_TWO_DAY_TOTAL = 15_574;

/** Nghệ An's campaign as the field report gives it, planned on the units of 2021 and of 2025. */
const NGHE_AN_CAMPAIGN = {
  start: '2021-03-15',
  deadline: '2021-06-30',
  open: '00:00',
  close: '24:00',
  // 278 dossiers per machine per day over 24 open hours.
  minutesPerDossier: 1440 / 278,
  teamsPerSite: 3,
};

export type SeedSummary = {
  areasInserted: number;
  reports: { created: number; corrected: number; unchanged: number };
};

/** Loads the demo data; running it again changes nothing. */
export async function seedDemo(prisma: PrismaClient): Promise<SeedSummary> {
  const areasInserted =
    (await importAreas(prisma, readDemoAreas())) +
    (await importAreas(prisma, readVietnam2025Areas({ provinceCodes: ['40'] })));
  await prisma.team.createMany({
    skipDuplicates: true,
    data: [
      // Hưng Nguyên town site: 2 fingerprint scanners, 07:30–22:00, over 500 dossiers a day.
      {
        code: 'NA-HUNG-NGUYEN',
        name: 'Điểm thị trấn Hưng Nguyên',
        kind: 'FIXED',
        homeAreaCode: '18001',
        machines: 2,
      },
      {
        code: 'DN-DAK-SONG-MOBILE',
        name: 'Tổ lưu động Đắk Song',
        kind: 'MOBILE',
        homeAreaCode: '665',
        machines: 2,
      },
      {
        code: 'DN-DAK-GLONG-MOBILE',
        name: 'Tổ lưu động Đắk Glong',
        kind: 'MOBILE',
        homeAreaCode: '661',
        machines: 2,
      },
    ],
  });
  await prisma.scenario.createMany({
    skipDuplicates: true,
    data: [
      {
        id: DEMO_SCENARIO_IDS.ngheAn,
        name: 'Nghệ An, tháng 3/2021: 176 máy làm cả ngày đêm',
        areaCode: '40',
        ...NGHE_AN_CAMPAIGN,
        note: 'Bổ sung 176 máy tính, bình quân 278 hồ sơ mỗi máy mỗi ngày, mỗi đơn vị ba tổ thay nhau làm cả ngày lẫn đêm.',
      },
      {
        id: DEMO_SCENARIO_IDS.dakNong,
        name: 'Đắk Nông, tháng 3/2021: làm từ 05:00 đến 24:00 mọi ngày',
        areaCode: '67',
        start: '2021-03-15',
        deadline: '2021-06-30',
        open: '05:00',
        close: '24:00',
        // ≈ 3.5 minutes per dossier as at the Hưng Nguyên site (> 500 a day on 2 scanners over 14.5 h).
        minutesPerDossier: 3.5,
        note: 'Làm từ 05:00 đến 24:00 tất cả các ngày trong tuần, có tổ lưu động; số máy ước tính từ kết quả hai ngày.',
      },
      {
        id: DEMO_SCENARIO_IDS.ngheAn2025,
        name: 'Nghệ An theo đơn vị hành chính từ 1/7/2025: chiến dịch tháng 3/2021 trên 130 xã',
        areaCode: NGHE_AN_2025,
        ...NGHE_AN_CAMPAIGN,
        note: 'Số liệu của kịch bản nghe-an-2021 trên các xã hiện nay (không còn cấp huyện); dân số năm 2019 chuyển sang theo bảng đối chiếu đơn vị năm 2025.',
      },
    ],
  });
  await prisma.scenarioMachines.createMany({
    skipDuplicates: true,
    data: [
      { scenarioId: DEMO_SCENARIO_IDS.ngheAn, areaCode: '40', machines: 176 },
      // Estimated: 15,574 dossiers in two days at 19 open hours and 3.5 min per dossier ≈ 24 machines.
      { scenarioId: DEMO_SCENARIO_IDS.dakNong, areaCode: '67', machines: 24 },
      { scenarioId: DEMO_SCENARIO_IDS.ngheAn2025, areaCode: NGHE_AN_2025, machines: 176 },
    ],
  });
  const half = DAK_NONG_TWO_DAY_TOTAL / 2;
  const reports = await recordActuals(
    prisma,
    [
      {
        idempotencyKey: 'seed:67:2021-03-19',
        date: '2021-03-19',
        areaCode: '67',
        dossiers: Math.floor(half),
        note: 'Một nửa trong 15.574 hồ sơ cả tỉnh báo cáo cho hai ngày 19–20/3 (không công bố số theo từng ngày).',
      },
      {
        idempotencyKey: 'seed:67:2021-03-20',
        date: '2021-03-20',
        areaCode: '67',
        dossiers: Math.ceil(half),
        note: 'Một nửa trong 15.574 hồ sơ cả tỉnh báo cáo cho hai ngày 19–20/3 (không công bố số theo từng ngày).',
      },
      {
        idempotencyKey: 'seed:665:2021-03-20',
        date: '2021-03-20',
        areaCode: '665',
        dossiers: 1085,
        note: 'Đắk Song, báo cáo ngày 20/3/2021.',
      },
      {
        idempotencyKey: 'seed:661:2021-03-20',
        date: '2021-03-20',
        areaCode: '661',
        dossiers: 1123,
        note: 'Đắk Glong, báo cáo ngày 20/3/2021.',
      },
    ],
    systemPrincipal('demo seed'),
  );
  return {
    areasInserted,
    reports: { created: reports.created, corrected: reports.corrected, unchanged: reports.unchanged },
  };
}
