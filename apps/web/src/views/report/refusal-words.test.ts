import { describe, expect, it } from 'vitest';
import type { Locale } from '../../i18n/format.ts';
import { translate } from '../../i18n/i18n.tsx';
import type { Refusal } from '../../outbox/outbox-entry.ts';
import { refusalWords } from './refusal-words.ts';

function sentence(locale: Locale, refusal: Refusal): string {
  const { field, reason } = refusalWords(refusal);
  return field ? `${translate(locale, field)}: ${translate(locale, reason)}` : translate(locale, reason);
}

function conflictOn(field: string, message: string): Refusal {
  return { kind: 'InputError', field, code: 'conflict', message };
}

describe('refusalWords', () => {
  it('words dossiers with no machine working as impossible figures, not as a key clash', () => {
    const refusal = conflictOn(
      'machinesWorking',
      'reports[0].machinesWorking must be figures that can be true together, got 100 dossiers with no machine working',
    );
    expect(sentence('vi', refusal)).toBe('Số máy hoạt động: không thể thu hồ sơ khi có 0 máy hoạt động');
    expect(sentence('en', refusal)).toBe('Machines working: dossiers cannot be taken with 0 machines');
  });

  it('words dossiers with the site closed all day as impossible figures', () => {
    const refusal = conflictOn('hoursOpen', 'reports[0].hoursOpen must be figures that can be true together');
    expect(sentence('vi', refusal)).toBe('Số giờ mở cửa: không thể thu hồ sơ khi mở cửa 0 giờ');
    expect(sentence('en', refusal)).toBe('Hours open: dossiers cannot be taken with 0 hours open');
  });

  it('words more downtime than the machines working were open as impossible figures', () => {
    const refusal = conflictOn(
      'downtimeMinutes',
      'reports[0].downtimeMinutes must be figures that can be true together: 600 minutes of downtime cannot fit in 4 hours open (240 minutes) on 2 machines, even counting each machine’s minutes (2 × 240 = 480 machine-minutes), got 600',
    );
    expect(sentence('vi', refusal)).toBe(
      'Thời gian máy hỏng (phút): dài hơn thời gian các máy hoạt động mở cửa (số giờ mở cửa × 60 × số máy hoạt động)',
    );
    expect(sentence('en', refusal)).toBe(
      'Downtime (minutes): longer than the machines working were open (hours open × 60 × machines working)',
    );
  });

  it('keeps the key-clash words for a clash on the report key', () => {
    const refusal = conflictOn('idempotencyKey', 'reports[0].idempotencyKey must be a key not already used');
    expect(sentence('vi', refusal)).toBe('Mã báo cáo: mã báo cáo đã được dùng cho một báo cáo khác');
    expect(sentence('en', refusal)).toBe('Report key: the report key is already used by another report');
  });

  it('words a retired team and an area outside the team’s home by their field', () => {
    expect(sentence('en', conflictOn('teamCode', 'retired'))).toBe(
      'Team: the team is retired and records no more reports',
    );
    expect(sentence('en', conflictOn('areaCode', 'outside'))).toBe(
      "Area: the area is outside the team's home area",
    );
  });

  it('words a conflict on any other figure without naming the key', () => {
    expect(sentence('en', conflictOn('dossiers', 'whatever'))).toBe(
      'Dossiers taken: does not fit the other figures',
    );
    expect(sentence('vi', conflictOn('dossiers', 'whatever'))).toBe(
      'Số hồ sơ đã thu: không khớp với số liệu khác',
    );
  });
});
