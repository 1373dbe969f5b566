/**
 * CSV and JSON renderings of export rows (used by the UI and `courtwatch export`).
 * CSV follows RFC 4180 (CRLF, fields with comma/quote/CR/LF quoted, quotes doubled) and starts with a
 * UTF-8 BOM so spreadsheets detect the encoding. Cells that a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR at the start) are prefixed with ' — the text comes from crawled pages.
 */
import { EXPORT_COLUMNS, type ExportRow } from '../store/export.ts';

const BOM = '\uFEFF';
const needsQuotesRe = /[",\r\n]/;
const formulaStartRe = /^[=+\-@\t\r]/;

function cell(value: unknown, column: keyof ExportRow): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (Array.isArray(value)) text = value.join(column === 'source_urls' ? ' ' : '; ');
  else text = String(value);
  if (typeof value === 'string' && formulaStartRe.test(text)) text = `'${text}`;
  if (Array.isArray(value) && formulaStartRe.test(text)) text = `'${text}`;
  return needsQuotesRe.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: ExportRow[]): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const row of rows) lines.push(EXPORT_COLUMNS.map((c) => cell(row[c], c)).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export function toJson(rows: ExportRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}
