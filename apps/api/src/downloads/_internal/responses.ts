// What the download endpoints answer: a file with its type and name, or a refusal in the shape of
// a GraphQL error (`errors[0].extensions.code`), so clients read both the same way.
import type { SheetLanguage } from '../../spreadsheets/index.ts';

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

export function refuse(
  status: number,
  code: string,
  message: string,
  field?: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(
    JSON.stringify({ errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }] }),
    { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } },
  );
}

/** `lang` of a download: `vi` (the default) or `en`; null for anything else. */
export function languageOf(url: URL): SheetLanguage | null {
  const lang = url.searchParams.get('lang') ?? 'vi';
  return lang === 'vi' || lang === 'en' ? lang : null;
}
