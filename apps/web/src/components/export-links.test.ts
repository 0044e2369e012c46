import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n.tsx';
import { refusalOf } from './export-links.tsx';

describe('refusalOf', () => {
  // The statuses and codes the export endpoints answer (README: the download endpoints).
  it('says a refused download in the reader’s words, never the API’s English', () => {
    expect(refusalOf(401, 'UNAUTHENTICATED')).toBe('problem.unauthenticated');
    expect(refusalOf(403, 'FORBIDDEN')).toBe('problem.forbidden');
    expect(refusalOf(422, 'LIMIT_EXCEEDED')).toBe('export.tooLarge');
    expect(refusalOf(400, 'BAD_USER_INPUT')).toBe('export.refused');
    expect(refusalOf(404, 'NOT_FOUND')).toBe('export.refused');
    expect(refusalOf(500, undefined)).toBe('problem.server');
    expect(translate('vi', refusalOf(422, 'LIMIT_EXCEEDED'))).toBe(
      'Tệp này quá lớn để tạo một lần: chọn địa bàn nhỏ hơn.',
    );
  });
});
