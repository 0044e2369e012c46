// What the download endpoints answer: a file with its type and name, or a refusal in the shape of
// a GraphQL error (`errors[0].extensions.code`), so clients read both the same way. A refusal is
// worded in the language the download asked for (`lang`), so someone who opens a download's link
// directly reads it as the web app would say it.
import type { SheetLanguage, Words } from '../../spreadsheets/index.ts';

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

export function downloadResponse(
  bytes: Uint8Array<ArrayBuffer>,
  format: 'xlsx' | 'csv',
  fileName: string,
): Response {
  return new Response(bytes, {
    status: 200,
    headers: {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    },
  });
}

/** The refusal of a request other than GET (405). */
export const METHOD_REFUSAL: Words = {
  vi: 'Tải tệp chỉ nhận yêu cầu GET.',
  en: 'downloads are GET requests',
};

/** The refusal of a download that failed on the server (500). */
export const SERVER_REFUSAL: Words = {
  vi: 'Máy chủ gặp lỗi khi tạo tệp này. Thử lại sau.',
  en: 'Unexpected error.',
};

/** What a refusal is about, by the parameter it names, in Vietnamese. */
const VI_SUBJECTS: Readonly<Record<string, string>> = {
  scenarioId: 'kịch bản',
  areaCode: 'địa bàn',
  lang: 'ngôn ngữ',
  from: 'ngày bắt đầu',
  to: 'ngày kết thúc',
  days: 'số ngày',
  shiftHours: 'số giờ mỗi ca',
  teams: 'số kíp',
};

/** A refusal said in Vietnamese by its code, naming the parameter when it names one. */
function viRefusal(code: string, field: string | undefined): string {
  const named = field === undefined ? '' : ` (${field})`;
  const subject = field === undefined ? undefined : VI_SUBJECTS[field];
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'Cần đăng nhập để tải tệp này: gửi mã truy cập còn hạn (Authorization: Bearer <token>).';
    case 'FORBIDDEN':
      return `Vai trò của bạn không được tải tệp này${subject ? `: ${subject} nằm ngoài phạm vi của bạn` : ''}${named}.`;
    case 'NOT_FOUND':
      return subject
        ? `Không tìm thấy ${subject} đã ghi${named}, hoặc bạn không được xem ${subject} này.`
        : 'Không có tệp tải về ở địa chỉ này.';
    case 'BAD_USER_INPUT':
      return subject
        ? `${subject.charAt(0).toUpperCase()}${subject.slice(1)} không hợp lệ${named}.`
        : `Yêu cầu có tham số không hợp lệ${named}.`;
    case 'RATE_LIMITED':
      return 'Quá nhiều yêu cầu trong thời gian ngắn: thử lại sau ít phút.';
    case 'INFEASIBLE':
      return 'Không lập được kế hoạch như đã yêu cầu nên không tạo được tệp này.';
    case 'METHOD_NOT_ALLOWED':
      return METHOD_REFUSAL.vi;
    default:
      return SERVER_REFUSAL.vi;
  }
}

/**
 * Which limit of its request a download ran into, as the schema's `LimitKind` names them: `COST`,
 * the file as asked is more than one request may make (the same request is refused again: ask for
 * a smaller area or fewer days), or `TIME`, it was stopped when the request's time was spent on a
 * busy service (asking again may make it).
 */
export type ExportLimit = 'COST' | 'TIME';

/** What a download over each limit says, in the export's own words. */
const LIMIT_REFUSAL: Readonly<Record<ExportLimit, Words>> = {
  COST: {
    vi: 'Tệp này quá lớn để tạo một lần: chọn địa bàn nhỏ hơn hoặc ít ngày hơn.',
    en: 'This file is too large to make at once: choose a smaller area or fewer days.',
  },
  TIME: {
    vi: 'Máy chủ đang bận nên chưa tạo xong tệp này trong thời gian cho phép của một yêu cầu: hãy thử lại sau giây lát.',
    en: 'The service is busy and could not make this file in the time one request may take: try again in a moment.',
  },
};

/** A refusal's body: one GraphQL error with its message and extensions (an undefined one left out). */
function errorResponse(
  status: number,
  message: string,
  extensions: Readonly<Record<string, string | undefined>>,
  headers: Record<string, string>,
): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/**
 * The refusal of a download over a limit of its request: 422 `LIMIT_EXCEEDED` with the limit in
 * `extensions.limit` and its words in `language` (too large, or busy: try again), the service's
 * English sentence (`detail`) kept as `extensions.detail` in either language.
 */
export function refuseOverLimit(
  language: SheetLanguage,
  limit: ExportLimit,
  detail: string,
  field?: string,
): Response {
  return errorResponse(
    422,
    LIMIT_REFUSAL[limit][language],
    { code: 'LIMIT_EXCEEDED', limit, ...(field ? { field } : {}), ...(detail ? { detail } : {}) },
    {},
  );
}

/**
 * A refusal as a GraphQL error body. `message` is the sentence in each language, or an English
 * sentence from elsewhere (the schema, the planning library): in Vietnamese that one is worded by
 * its code and field instead, and kept as `extensions.detail`.
 */
export function refuse(
  language: SheetLanguage,
  status: number,
  code: string,
  message: Words | string,
  field?: string,
  headers: Record<string, string> = {},
): Response {
  const english = typeof message === 'string';
  const said = english ? (language === 'en' ? message : viRefusal(code, field)) : message[language];
  const detail = english && language !== 'en' && message !== '' ? { detail: message } : {};
  return errorResponse(status, said, { code, ...(field ? { field } : {}), ...detail }, headers);
}

/** `lang` of a download: `vi` (the default) or `en`; null for anything else. */
export function languageOf(url: URL): SheetLanguage | null {
  const lang = url.searchParams.get('lang') ?? 'vi';
  return lang === 'vi' || lang === 'en' ? lang : null;
}

/** The refusal of a `lang` that is neither: said in both, since which one is read is not known. */
const BOTH = 'lang phải là vi (tiếng Việt) hoặc en (English) / lang must be vi or en';
export const LANG_REFUSAL: Words = { vi: BOTH, en: BOTH };

/** The language to refuse in: the one asked for, Vietnamese (the default) when it is not one. */
export function refusalLanguageOf(url: URL): SheetLanguage {
  return languageOf(url) ?? 'vi';
}
