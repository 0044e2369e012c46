import { describe, expect, it } from 'vitest';
import { refusalWords } from './refusal-words.ts';

describe('refusalWords', () => {
  it('says an unknown area in the reader’s language, never the API’s English', () => {
    expect(refusalWords('vi', 'NotFoundError', 'No area with code 999.')).toEqual({
      sentence: 'Không tìm thấy: không có mã này, hoặc nằm ngoài phạm vi bạn được xem.',
      detail: null,
    });
    expect(refusalWords('en', 'NotFoundError', 'No area with code 999.')).toEqual({
      sentence: 'Not found: no such code, or it is outside what you may see.',
      detail: null,
    });
  });

  it('gives a Vietnamese reader a sentence of the app’s own, the API’s English reason apart', () => {
    expect(refusalWords('vi', 'InfeasibleError', 'no open days before the deadline')).toEqual({
      sentence: 'Máy chủ từ chối yêu cầu này.',
      detail: 'no open days before the deadline',
    });
  });

  it('gives an English reader the API’s reason as it is', () => {
    expect(refusalWords('en', 'InfeasibleError', 'no open days before the deadline')).toEqual({
      sentence: 'The service refused: no open days before the deadline',
      detail: null,
    });
  });

  it('says a request over the service’s size and a role’s refusal as the app does elsewhere', () => {
    expect(refusalWords('vi', 'LimitExceededError', 'cost 90,000 > 50,000').sentence).toBe(
      'Yêu cầu này quá lớn để tính một lần: thu hẹp lại (ít người đến hơn, ít ngày hơn hoặc địa bàn nhỏ hơn).',
    );
    expect(refusalWords('vi', 'ForbiddenError', 'outside area 663').sentence).toBe(
      'Vai trò của bạn không được xem hoặc làm việc này.',
    );
  });

  it('says a refusal without a reason plainly in either language', () => {
    expect(refusalWords('en', 'InfeasibleError', '')).toEqual({
      sentence: 'The service refused this request.',
      detail: null,
    });
  });
});
