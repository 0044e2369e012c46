// A province's own list of areas with population, from a spreadsheet: one row per area, parents
// linked by their code, any depth. Mirrors the planning library's `AreaInput` (nulls for empty
// cells), its centroid a `GeoPoint` from the latitude and longitude columns.
import type { CommuneType, GeoPoint } from '@muster/planning';
import {
  type AreaLevelValue,
  code,
  communeType,
  communeTypeOfName,
  level,
  numberBetween,
  share,
  text,
  wholeNumber,
} from './cell-rules.ts';
import type { SheetKind } from './sheet-kind.ts';

export type AreaSheetRow = {
  code: string;
  name: string;
  parentCode: string | null;
  /** province, district, commune, village or country. */
  level: AreaLevelValue | null;
  population: number | null;
  /** Share aged 14 and over (the card's age), 0–1. */
  eligibleShare: number | null;
  /** People eligible, counted; wins over population × share in the plan. */
  eligible: number | null;
  alreadyServed: number | null;
  /** Share of the eligible expected to come, 0–1. */
  turnout: number | null;
  /** The centroid, from the latitude and longitude columns (both or neither). */
  location: GeoPoint | null;
  /** Land area, km². */
  areaKm2: number | null;
  /** Share of the residents living in urban areas, 0–1. */
  urbanShare: number | null;
  /** The commune's legal type; for a commune without one, read from its name (`Phường …` is a ward). */
  communeType: CommuneType | null;
};

/**
 * Larger than any country (Russia, 17.1 million km²): a typo such as square metres written as km².
 * The sheet holds provinces and countries too, so the bound is not a commune's.
 */
const MAX_AREA_KM2 = 20_000_000;

const MAX_NAME = 200;

export const AREA_SHEET: SheetKind<AreaSheetRow> = {
  name: 'areas',
  title: { vi: 'Địa bàn', en: 'Areas' },
  columns: [
    {
      key: 'code',
      header: { vi: 'Mã địa bàn', en: 'Code' },
      aliases: ['area code', 'mã', 'mã đơn vị', 'mã đơn vị hành chính'],
      required: true,
      unique: true,
      rule: code(),
      note: {
        vi: 'Mã riêng của địa bàn, ghi dạng chữ (01, 001…).',
        en: 'The area’s own code, as text (01, 001…).',
      },
      example: '24718',
      numFmt: '@',
    },
    {
      key: 'name',
      header: { vi: 'Tên địa bàn', en: 'Name' },
      aliases: ['area name', 'tên', 'tên đơn vị'],
      required: true,
      rule: text(MAX_NAME),
      note: { vi: 'Tên địa bàn.', en: 'The area’s name.' },
      example: 'Xã Đắk Môl',
    },
    {
      key: 'parentCode',
      header: { vi: 'Mã cấp trên', en: 'Parent code' },
      aliases: ['parent', 'mã địa bàn cấp trên', 'mã đơn vị cấp trên'],
      required: false,
      rule: code(),
      note: {
        vi: 'Mã địa bàn cấp trên (trong tệp hoặc đã có); để trống với cấp cao nhất.',
        en: 'The parent area’s code (in the file or already stored); empty for the top.',
      },
      example: '665',
      numFmt: '@',
    },
    {
      key: 'level',
      header: { vi: 'Cấp', en: 'Level' },
      aliases: ['cấp hành chính', 'loại'],
      required: false,
      rule: level(),
      note: {
        vi: 'Cấp: tỉnh, huyện (quận, thị xã), xã (phường, thị trấn), thôn; hoặc province, district, commune, village.',
        en: 'The level: province, district, commune or village (or tỉnh, huyện, xã, thôn).',
      },
      example: 'commune',
    },
    {
      key: 'population',
      header: { vi: 'Dân số', en: 'Population' },
      aliases: ['tổng dân số', 'dân số 2019', 'people'],
      required: false,
      rule: wholeNumber('people'),
      note: {
        vi: 'Dân số (người). Địa bàn có cấp dưới mang tổng của cấp dưới: ghi đúng tổng đó hoặc để trống. Các địa bàn thêm vào dưới một địa bàn đã có dân số riêng phải cộng lại bằng dân số đó.',
        en: 'People living there. An area with areas under it holds their sum: give that sum or leave it empty. Areas put under an area that has a population of its own must add up to it.',
      },
      example: 7354,
      numFmt: '#,##0',
    },
    {
      key: 'eligibleShare',
      header: { vi: 'Tỷ lệ đủ tuổi', en: 'Eligible share' },
      aliases: ['tỷ lệ từ 14 tuổi', 'tỉ lệ đủ tuổi', 'share 14 plus', 'share eligible'],
      required: false,
      rule: share(),
      note: {
        vi: 'Tỷ lệ dân số đủ tuổi (từ 14 tuổi), 0–1 hoặc %.',
        en: 'Share of the population eligible (aged 14+), 0–1 or %.',
      },
      example: 0.696,
      numFmt: '0.0%',
    },
    {
      key: 'eligible',
      header: { vi: 'Số người đủ tuổi', en: 'Eligible' },
      aliases: ['eligible people', 'số người từ 14 tuổi', 'dân số đủ tuổi'],
      required: false,
      rule: wholeNumber('people'),
      note: {
        vi: 'Số người đủ tuổi, nếu đếm được (thay cho tỷ lệ); không quá dân số.',
        en: 'People eligible, when counted (instead of the share); at most the population.',
      },
      example: 5118,
      numFmt: '#,##0',
    },
    {
      key: 'alreadyServed',
      header: { vi: 'Đã thu nhận', en: 'Already served' },
      aliases: ['đã cấp', 'served'],
      required: false,
      rule: wholeNumber('people'),
      note: {
        vi: 'Số người đã làm xong hồ sơ; không quá số người đủ tuổi.',
        en: 'People already enrolled; at most the eligible.',
      },
      example: 0,
      numFmt: '#,##0',
    },
    {
      key: 'turnout',
      header: { vi: 'Tỷ lệ dự kiến đến', en: 'Turnout' },
      aliases: ['tỷ lệ tham gia', 'expected turnout'],
      required: false,
      rule: share(),
      note: {
        vi: 'Tỷ lệ người đủ tuổi dự kiến đến, 0–1 hoặc %.',
        en: 'Share of the eligible expected to come, 0–1 or %.',
      },
      example: 0.9,
      numFmt: '0%',
    },
    {
      key: 'latitude',
      header: { vi: 'Vĩ độ', en: 'Latitude' },
      aliases: ['lat'],
      required: false,
      rule: numberBetween(-90, 90, 'a latitude in degrees from -90 to 90'),
      note: {
        vi: 'Vĩ độ tâm địa bàn (độ), đi cùng kinh độ. Để trống: tổ lưu động đến địa bàn ở tâm của địa bàn cấp trên gần nhất có tâm.',
        en: 'Centroid latitude (degrees), with the longitude. Empty: mobile teams visit the area at the centroid of the nearest area above it that has one.',
      },
      example: 12.2437,
      numFmt: '0.0000',
    },
    {
      key: 'longitude',
      header: { vi: 'Kinh độ', en: 'Longitude' },
      aliases: ['lon', 'lng', 'long'],
      required: false,
      rule: numberBetween(-180, 180, 'a longitude in degrees from -180 to 180'),
      note: {
        vi: 'Kinh độ tâm địa bàn (độ), đi cùng vĩ độ. Để trống: như vĩ độ.',
        en: 'Centroid longitude (degrees), with the latitude. Empty: as for the latitude.',
      },
      example: 107.7931,
      numFmt: '0.0000',
    },
    {
      key: 'areaKm2',
      header: { vi: 'Diện tích (km²)', en: 'Area (km²)' },
      aliases: ['diện tích', 'diện tích km2', 'area', 'area km2', 'land km2'],
      required: false,
      rule: numberBetween(Number.MIN_VALUE, MAX_AREA_KM2, 'a land area in km², above 0'),
      note: {
        vi: 'Diện tích tự nhiên (km²); cùng dân số cho mật độ, để biết địa hình đường đi.',
        en: 'Land area (km²); with the population, the density that sets the terrain of its roads.',
      },
      example: 84.2,
      numFmt: '#,##0.0',
    },
    {
      key: 'urbanShare',
      header: { vi: 'Tỷ lệ dân thành thị', en: 'Urban share' },
      aliases: ['tỷ lệ thành thị', 'dân thành thị', 'urban', 'share urban'],
      required: false,
      rule: share(),
      note: {
        vi: 'Tỷ lệ dân sống ở khu vực thành thị, 0–1 hoặc %; từ 50 % là địa hình đô thị.',
        en: 'Share of the residents living in urban areas, 0–1 or %; from 50 % the terrain is urban.',
      },
      example: 0,
      numFmt: '0%',
    },
    {
      key: 'communeType',
      header: { vi: 'Loại xã', en: 'Commune type' },
      aliases: ['loại đơn vị', 'loại xã phường', 'type', 'commune kind'],
      required: false,
      rule: communeType(),
      note: {
        vi: 'Phường, thị trấn, xã hoặc đặc khu; để trống thì đọc từ tên (Phường …).',
        en: 'Ward, township, commune or special zone (phường, thị trấn, xã, đặc khu); empty: read from the name.',
      },
      example: 'commune',
    },
  ],
  toRow: (cells, problem) => {
    const latitude = cells.latitude as number | null;
    const longitude = cells.longitude as number | null;
    if ((latitude === null) !== (longitude === null)) {
      const missing = latitude === null ? 'latitude' : 'longitude';
      problem(
        missing,
        `given with the ${missing === 'latitude' ? 'longitude' : 'latitude'}`,
        'an empty cell',
      );
    }
    return {
      code: cells.code as string,
      name: cells.name as string,
      parentCode: cells.parentCode as string | null,
      level: cells.level as AreaLevelValue | null,
      population: cells.population as number | null,
      eligibleShare: cells.eligibleShare as number | null,
      eligible: cells.eligible as number | null,
      alreadyServed: cells.alreadyServed as number | null,
      turnout: cells.turnout as number | null,
      location: latitude !== null && longitude !== null ? { latitude, longitude } : null,
      areaKm2: cells.areaKm2 as number | null,
      urbanShare: cells.urbanShare as number | null,
      communeType:
        (cells.communeType as CommuneType | null) ??
        (cells.level === 'commune' ? communeTypeOfName(cells.name as string) : null),
    };
  },
};
