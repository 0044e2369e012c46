import { expect, it } from 'vitest';
import { askedWiderArea, openedInsteadOf } from './opened-at-own-area.ts';

it('reads back the wider area a plan was opened instead of', () => {
  expect(askedWiderArea(openedInsteadOf('Tỉnh Đắk Nông'))).toBe('Tỉnh Đắk Nông');
});

it('reads nothing from a history entry with no such state, or another page’s', () => {
  expect(askedWiderArea(null)).toBeNull();
  expect(askedWiderArea(undefined)).toBeNull();
  expect(askedWiderArea({ scroll: 120 })).toBeNull();
  expect(askedWiderArea({ openedInsteadOf: 67 })).toBeNull();
  expect(askedWiderArea('Tỉnh Đắk Nông')).toBeNull();
});
