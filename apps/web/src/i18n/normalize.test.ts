import { describe, expect, it } from 'vitest';
import { foldName } from './normalize.ts';

describe('searching names with or without diacritics', () => {
  it('finds "Đăk Glong" when "Dak Glong" is typed', () => {
    expect(foldName('Đăk Glong')).toBe(foldName('Dak Glong'));
  });

  it('folds every Vietnamese tone mark: "Nghệ An" is "nghe an", "Hưng Nguyên" is "hung nguyen"', () => {
    expect(foldName('Nghệ An')).toBe('nghe an');
    expect(foldName('Hưng Nguyên')).toBe('hung nguyen');
    expect(foldName('Huyện Đắk R’Lấp')).toBe('huyen dak r’lap');
  });
});
