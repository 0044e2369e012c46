import { describe, expect, it } from 'vitest';
import { leafPlacementWords } from './sheet-note-words.ts';

// Thôn Hai (99990032), a village of Xã Đắk Môl (24718) sent without latitude and longitude, as the
// API lists it (apps/api test/area-import-tree.test.ts: "row 3: Thôn Hai (99990032) has no latitude
// and longitude: mobile teams will visit it at the centroid of Xã Đắk Môl (24718), …").
const thonHai = {
  row: 3,
  areaCode: '99990032',
  areaName: 'Thôn Hai',
  placedAtCode: '24718',
  placedAtName: 'Xã Đắk Môl',
};

describe('leafPlacementWords', () => {
  it('says a village without coordinates is visited at its commune’s centroid, in Vietnamese and English', () => {
    expect(leafPlacementWords(thonHai, 'vi')).toBe(
      'Dòng 3: Thôn Hai (99990032) chưa có vĩ độ và kinh độ; tổ lưu động sẽ đến địa bàn này tại tâm của Xã Đắk Môl (24718), địa bàn gần nhất phía trên có tọa độ.',
    );
    expect(leafPlacementWords(thonHai, 'en')).toBe(
      'Row 3: Thôn Hai (99990032) has no latitude and longitude; mobile teams will visit it at the centroid of Xã Đắk Môl (24718), the nearest area above it with one.',
    );
  });

  it('says a leaf with no area above it placed is visited at the centre of the leaves around it', () => {
    const alone = { ...thonHai, placedAtCode: null, placedAtName: null };
    expect(leafPlacementWords(alone, 'vi')).toBe(
      'Dòng 3: Thôn Hai (99990032) chưa có vĩ độ và kinh độ; tổ lưu động sẽ đến địa bàn này tại điểm giữa của các địa bàn gần đó có tọa độ (không địa bàn nào phía trên có).',
    );
  });

  it('names the sheet of a workbook’s row', () => {
    expect(leafPlacementWords({ ...thonHai, sheet: 'Đắk Song' }, 'vi')).toMatch(
      /^Trang tính “Đắk Song” — Dòng 3: Thôn Hai \(99990032\)/u,
    );
  });
});
