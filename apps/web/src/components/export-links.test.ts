import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n.tsx';
import { refusalOf } from './export-links.tsx';

describe('refusalOf', () => {
  // The statuses and codes the export endpoints answer (README: the download endpoints).
  it('says a refused download in the reader’s words, never the API’s English', () => {
    expect(refusalOf(401, 'UNAUTHENTICATED').words).toBe('problem.unauthenticated');
    expect(refusalOf(403, 'FORBIDDEN').words).toBe('problem.forbidden');
    expect(refusalOf(422, 'LIMIT_EXCEEDED').words).toBe('export.tooLarge');
    expect(refusalOf(400, 'BAD_USER_INPUT').words).toBe('export.refused');
    expect(refusalOf(404, 'NOT_FOUND').words).toBe('export.refused');
    expect(refusalOf(500, undefined).words).toBe('problem.server');
    expect(translate('vi', refusalOf(422, 'LIMIT_EXCEEDED').words)).toBe(
      'Tệp này quá lớn để tạo một lần: chọn địa bàn nhỏ hơn.',
    );
  });

  it('says a file over its request’s cost is too large, and offers no retry that would be refused again', () => {
    const refused = refusalOf(422, 'LIMIT_EXCEEDED', 'COST');
    expect(refused.retry).toBe(false);
    expect(translate('vi', refused.words)).toBe('Tệp này quá lớn để tạo một lần: chọn địa bàn nhỏ hơn.');
    expect(translate('en', refused.words)).toBe(
      'This file is too large to make at once: choose a smaller area.',
    );
  });

  it('says a file stopped when its request’s time ran out is a busy service, and offers to try again', () => {
    const refused = refusalOf(422, 'LIMIT_EXCEEDED', 'TIME');
    expect(refused.retry).toBe(true);
    expect(translate('vi', refused.words)).toBe(
      'Máy chủ đang bận: tạo tệp này mất nhiều thời gian hơn mức cho phép của một yêu cầu. Hãy thử lại sau giây lát.',
    );
    expect(translate('en', refused.words)).toBe(
      'The service is busy: making this file took longer than one request may. Try again in a moment.',
    );
  });

  it('offers no retry for a refusal of who asks or what was asked', () => {
    for (const [status, code] of [
      [401, 'UNAUTHENTICATED'],
      [403, 'FORBIDDEN'],
      [400, 'BAD_USER_INPUT'],
      [404, 'NOT_FOUND'],
    ] as const) {
      expect(refusalOf(status, code, 'TIME').retry, code).toBe(false);
    }
  });
});
