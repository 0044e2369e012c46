import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { translate } from './i18n.tsx';
import { vi } from './vi.ts';

// Planners and reporters read these words; a developer's command means nothing to them.
const DEVELOPER_WORDS = /\b(pnpm|npm|node|localhost)\b/;

describe.each([
  ['vi', vi],
  ['en', en],
])('the %s catalogue', (_locale, catalogue) => {
  it('tells no end user to run a developer command', () => {
    const offending = Object.entries(catalogue).filter(([, message]) =>
      (typeof message === 'string' ? [message] : [message.one ?? '', message.other]).some((words) =>
        DEVELOPER_WORDS.test(words),
      ),
    );
    expect(offending).toEqual([]);
  });
});

it('says 1 machine, 1 day and 1 try in English, and the same words for every count in Vietnamese', () => {
  expect(translate('en', 'replan.machines', { added: 1, moved: 0, where: 'Đăk Glong' })).toBe(
    '+1 machine, 0 moved (Đăk Glong)',
  );
  expect(translate('en', 'replan.machines', { added: 2, moved: 1, where: 'Đăk Glong' })).toBe(
    '+2 machines, 1 moved (Đăk Glong)',
  );
  expect(translate('en', 'replan.deadline', { days: 1, date: '1 May 2021' })).toBe(
    'Finish 1 day late (1 May 2021)',
  );
  expect(translate('en', 'outbox.hours', { count: 7.5 })).toBe('7.5 hours');
  expect(translate('en', 'outbox.hours', { count: 1 })).toBe('1 hour');
  expect(translate('en', 'outbox.hours', { count: 1.004 })).toBe('1 hour');
  expect(translate('en', 'outbox.tried', { count: 1 })).toBe('Tried once; will try again by itself.');
  expect(translate('en', 'outbox.tried', { count: 3 })).toBe('Tried 3 times; will try again by itself.');
  expect(translate('vi', 'outbox.tried', { count: 1 })).toBe('Đã thử gửi 1 lần, sẽ tự gửi lại.');
  expect(translate('vi', 'replan.deadline', { days: 1, date: '1/5/2021' })).toBe(
    'Chấp nhận xong muộn 1 ngày (1/5/2021)',
  );
});

it('tells a planner whose service is down what to do, in both languages', () => {
  expect(vi['problem.offline']).toBe(
    'Máy chủ Muster không trả lời. Kiểm tra kết nối mạng rồi thử lại; nếu vẫn không được, hãy báo người quản lý Muster.',
  );
  expect(en['problem.offline']).toBe(
    'The Muster service does not answer. Check the connection and try again; if it still fails, ask whoever runs Muster.',
  );
});
