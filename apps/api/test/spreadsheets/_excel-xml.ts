// XLSX files built from SpreadsheetML written by hand the way Excel writes it (shared strings,
// styles with the built-in date format 14, formulas with their cached values, shared formulas,
// merged cells, the 1904 date system), so the reader is checked against the format itself and
// not only against exceljs's own writer.
import { zipSync } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export type XmlCell = string; // a raw `<c>` element
export type XmlSheet = { name: string; rows: XmlCell[][]; merges?: string[] };

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A cell holding a shared string. */
export const s = (ref: string, index: number): XmlCell => `<c r="${ref}" t="s"><v>${index}</v></c>`;
/** A number in a General cell. */
export const n = (ref: string, value: number): XmlCell => `<c r="${ref}"><v>${value}</v></c>`;
/** A date: a serial number with style 1 (numFmtId 14, Excel's short date). */
export const d = (ref: string, serial: number): XmlCell => `<c r="${ref}" s="1"><v>${serial}</v></c>`;
/** An inline string. */
export const t = (ref: string, text: string): XmlCell =>
  `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;
/** A formula with (or without) its cached value. */
export const f = (ref: string, formula: string, cached?: number): XmlCell =>
  `<c r="${ref}"><f>${escapeXml(formula)}</f>${cached === undefined ? '' : `<v>${cached}</v>`}</c>`;
/** An error value, as Excel stores `#N/A` left by a formula. */
export const e = (ref: string, formula: string, error: string): XmlCell =>
  `<c r="${ref}" t="e"><f>${escapeXml(formula)}</f><v>${error}</v></c>`;

/** Builds the workbook. Sheets are zipped before the shared strings, as Excel orders them. */
export function excelWorkbook(
  sheets: XmlSheet[],
  sharedStrings: string[],
  options: { date1904?: boolean } = {},
): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, xml: string) => {
    files[name] = new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`);
  };
  put(
    '[Content_Types].xml',
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
  );
  put(
    'xl/workbook.xml',
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets
      .map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
  );
  put(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('')}</Relationships>`,
  );
  sheets.forEach((sheet, i) => {
    const rows = sheet.rows
      .map((cells) => {
        const number = /\d+$/.exec(cells[0]?.match(/r="([A-Z]+\d+)"/)?.[1] ?? '')?.[0];
        return `<row r="${number}">${cells.join('')}</row>`;
      })
      .join('');
    const merges = sheet.merges?.length
      ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`
      : '';
    put(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData>${merges}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
    );
  });
  put(
    'xl/styles.xml',
    `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  put(
    'xl/sharedStrings.xml',
    `<sst xmlns="${MAIN}" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings
      .map((text) => `<si><t>${escapeXml(text)}</t></si>`)
      .join('')}</sst>`,
  );
  return zipSync(files);
}
