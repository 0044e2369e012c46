import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/i18n.tsx';
import { warningWords } from './warning-words.ts';

describe('warningWords', () => {
  it('says a day outside every campaign in Vietnamese and in English', () => {
    expect(translate('vi', warningWords('outside-campaign'))).toBe(
      'Ngày này nằm ngoài mọi đợt cấp ở địa bàn: kiểm tra lại ngày.',
    );
    expect(translate('en', warningWords('outside-campaign'))).toBe(
      'This day is outside every campaign in the area: check the date.',
    );
  });

  it('says a team reporting more machines than it has in Vietnamese and in English', () => {
    expect(translate('vi', warningWords('machines-above-team'))).toBe(
      'Số máy hoạt động nhiều hơn số máy của tổ: kiểm tra lại số máy (máy mượn thì không sao).',
    );
    expect(translate('en', warningWords('machines-above-team'))).toBe(
      'More machines working than the team has: check the machines (borrowed ones are fine).',
    );
  });

  it('says a day of team reports above the planned machines’ 24 hours in Vietnamese and in English', () => {
    expect(translate('vi', warningWords('day-above-planned-machines'))).toBe(
      'Các tổ báo trong ngày ở địa bàn, cộng lại, nhiều hồ sơ hơn số máy theo kế hoạch làm được trong 24 giờ: kiểm tra số hồ sơ và ghi số máy hoạt động.',
    );
    expect(translate('en', warningWords('day-above-planned-machines'))).toBe(
      'The teams’ reports of the day in the area add up to more dossiers than the planned machines can take in 24 hours: check the dossiers, and give the machines working.',
    );
  });

  it('says an area’s total below its teams’ reports and downtime above the hours open in Vietnamese and in English', () => {
    expect(translate('vi', warningWords('total-below-team-reports'))).toBe(
      'Tổng của địa bàn trong ngày thấp hơn số các tổ báo cáo: tổng được tính, số của các tổ bị bỏ qua. Kiểm tra lại tổng và số của các tổ.',
    );
    expect(translate('en', warningWords('total-below-team-reports'))).toBe(
      'The area’s own total for the day is below its teams’ reports: the total counts, the teams’ figures are set aside. Check the total and the teams’ figures.',
    );
    expect(translate('vi', warningWords('downtime-above-hours-open'))).toBe(
      'Số phút máy hỏng nhiều hơn thời gian mở cửa: kiểm tra lại thời gian máy hỏng và số giờ mở cửa.',
    );
    expect(translate('en', warningWords('downtime-above-hours-open'))).toBe(
      'More minutes of downtime than the site was open: check the downtime and the hours open.',
    );
  });

  it('gives each code the API sends a sentence of its own', () => {
    const codes = [
      'above-service-capacity',
      'dossiers-without-machines',
      'dossiers-while-closed',
      'outside-campaign',
      'machines-above-team',
      'machines-above-bound',
      'day-above-planned-machines',
      'total-below-team-reports',
      'downtime-above-hours-open',
    ];
    const sentences = new Set(codes.map((code) => translate('vi', warningWords(code))));
    expect(sentences.size).toBe(codes.length);
    expect(sentences.has(translate('vi', 'warning.other'))).toBe(false);
  });

  it('asks to check the report for a code it does not know', () => {
    expect(translate('vi', warningWords('new-code'))).toBe(
      'Máy chủ thấy một số liệu khó tin: kiểm tra lại báo cáo.',
    );
  });
});
