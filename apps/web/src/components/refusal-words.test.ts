import { describe, expect, it } from 'vitest';
import { refusalWords } from './refusal-words.ts';

describe('refusalWords', () => {
  it('says an unknown area in the reader’s language, never the API’s English', () => {
    expect(refusalWords('vi', 'NotFoundError', 'No area with code 999.')).toEqual({
      sentence: 'Không tìm thấy: không có mã này, hoặc nằm ngoài phạm vi bạn được xem.',
      detail: null,
      retry: false,
    });
    expect(refusalWords('en', 'NotFoundError', 'No area with code 999.')).toEqual({
      sentence: 'Not found: no such code, or it is outside what you may see.',
      detail: null,
      retry: false,
    });
  });

  it('gives a Vietnamese reader a sentence of the app’s own, the API’s English reason apart', () => {
    expect(refusalWords('vi', 'InfeasibleError', 'no open days before the deadline')).toEqual({
      sentence: 'Máy chủ từ chối yêu cầu này.',
      detail: 'no open days before the deadline',
      retry: false,
    });
  });

  it('gives an English reader the API’s reason as it is', () => {
    expect(refusalWords('en', 'InfeasibleError', 'no open days before the deadline')).toEqual({
      sentence: 'The service refused: no open days before the deadline',
      detail: null,
      retry: false,
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
      retry: false,
    });
  });

  it('says a save stopped by the service’s time as a busy service to try again, in either language', () => {
    // createScenario(fromReplan) took 1.0–1.9 s on a cold 2-core server against its 1,500 ms: a
    // minute later the same save went through.
    const stopped = 'createScenario was stopped: the computations of one request may take 1500 ms';
    expect(refusalWords('en', 'LimitExceededError', stopped, 'TIME')).toEqual({
      sentence: 'The service is busy: this took longer than one request may. Try again in a moment.',
      detail: null,
      retry: true,
    });
    expect(refusalWords('vi', 'LimitExceededError', stopped, 'TIME')).toEqual({
      sentence:
        'Máy chủ đang bận: việc này mất nhiều thời gian hơn mức cho phép của một yêu cầu. Hãy thử lại sau giây lát.',
      detail: null,
      retry: true,
    });
  });

  it('keeps “too large”, with no retry, for a request over the service’s cost', () => {
    expect(refusalWords('en', 'LimitExceededError', 'cost 90,000 > 50,000', 'COST')).toEqual({
      sentence:
        'This is more than the service computes at once: ask for less (fewer visitors, fewer days or a smaller area).',
      detail: null,
      retry: false,
    });
  });
});
