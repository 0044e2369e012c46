import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { vi } from './vi.ts';

// Planners and reporters read these words; a developer's command means nothing to them.
const DEVELOPER_WORDS = /\b(pnpm|npm|node|localhost)\b/;

describe.each([
  ['vi', vi],
  ['en', en],
])('the %s catalogue', (_locale, catalogue) => {
  it('tells no end user to run a developer command', () => {
    const offending = Object.entries(catalogue).filter(([, words]) => DEVELOPER_WORDS.test(words));
    expect(offending).toEqual([]);
  });
});

it('tells a planner whose service is down what to do, in both languages', () => {
  expect(vi['problem.offline']).toBe(
    'Máy chủ Muster không trả lời. Kiểm tra kết nối mạng rồi thử lại; nếu vẫn không được, hãy báo người quản lý Muster.',
  );
  expect(en['problem.offline']).toBe(
    'The Muster service does not answer. Check the connection and try again; if it still fails, ask whoever runs Muster.',
  );
});
