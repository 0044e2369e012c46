// `GET /templates/<kind>.<xlsx|csv>?lang=vi|en`: the blank spreadsheet each upload reads (public:
// it holds no data), its headers in Vietnamese by default.
import { SHEET_KINDS, type SheetKindName } from '../compute/file-tasks.ts';
import { spreadsheetTemplate } from '../spreadsheets/index.ts';
import {
  downloadResponse,
  LANG_REFUSAL,
  languageOf,
  refusalLanguageOf,
  refuse,
} from './_internal/responses.ts';

const TEMPLATE_PATH = /^\/templates\/(areas|machines|reports)\.(xlsx|csv)$/;

export function isTemplatePath(pathname: string): boolean {
  return pathname.startsWith('/templates/');
}

export async function templateResponse(url: URL): Promise<Response> {
  const match = TEMPLATE_PATH.exec(url.pathname);
  if (!match) {
    return refuse(refusalLanguageOf(url), 404, 'NOT_FOUND', {
      vi: 'Mẫu tải về là /templates/<areas|machines|reports>.<xlsx|csv>.',
      en: 'templates are /templates/<areas|machines|reports>.<xlsx|csv>',
    });
  }
  const language = languageOf(url);
  if (language === null) return refuse('vi', 400, 'BAD_USER_INPUT', LANG_REFUSAL, 'lang');
  const kind = match[1] as SheetKindName;
  const format = match[2] as 'xlsx' | 'csv';
  const bytes = await spreadsheetTemplate(SHEET_KINDS[kind], format, language);
  return downloadResponse(new Uint8Array(bytes), format, `muster-${kind}-template.${format}`);
}
