import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/i18n.tsx';
import { type ConnectionState, connectionMessages } from './connection-message.ts';

const QUIET: ConnectionState = { online: true, waiting: 0, refused: 0, sending: false, problem: null };
const said = (state: ConnectionState) =>
  connectionMessages(state).map(({ key, count }) => translate('vi', key, { count }));

describe('connectionMessages', () => {
  it('says all sent when nothing waits and nothing was refused', () => {
    expect(said(QUIET)).toEqual(['Đã gửi hết báo cáo.']);
  });

  it('never says all sent while a report is refused (25 hours open): it needs the reporter', () => {
    expect(said({ ...QUIET, refused: 1 })).toEqual(['Có 1 báo cáo bị từ chối: sửa và gửi lại, hoặc bỏ.']);
  });

  it('says both that reports wait for signal and that one was refused', () => {
    expect(connectionMessages({ ...QUIET, online: false, waiting: 2, refused: 1 })).toEqual([
      { key: 'outbox.offline', count: 2 },
      { key: 'outbox.needsAttention', count: 1 },
    ]);
  });
});
