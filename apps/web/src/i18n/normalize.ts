/**
 * A name as typed without diacritics and case: "Đăk Glong" and "dak glong" both give "dak glong".
 * NFD splits the tone and vowel marks off their letters; đ has no decomposition of its own.
 */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
