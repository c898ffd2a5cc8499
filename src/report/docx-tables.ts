/**
 * Tables for the DOCX as WordprocessingML text (ECMA-376 Part 1, 17.4). The docx library builds
 * several objects per cell and again per XML node: for a report with 10k findings that was over
 * half a gigabyte. Tables are written here as strings instead and put in place of a marker
 * paragraph after docx has packed the document (see render-docx.ts).
 */
import yauzl from 'yauzl';
import { DeskError, messageOf } from '../errors';
import type { TableCell, TableColumn } from './model';
import { EMPHASIS, PALETTE, SIZES } from './style';
import { ZipWriter } from './zip';

const hex = (c: string) => c.replace('#', '').toUpperCase();
const MONO_FONT = 'Consolas';
export const TABLE_MARK = 'PHIADESKTABLE';

// Characters XML 1.0 does not allow, and the five that must be escaped.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
function esc(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function cellXml(c: TableCell, col: TableColumn, width: number, style: string, header: boolean): string {
  const emph = !header && c.emphasis ? EMPHASIS[c.emphasis] : undefined;
  const fill = header ? PALETTE.headerFill : emph?.fill;
  const color = header ? PALETTE.headerText : emph?.text;
  // Schema order of run properties (17.3.2.28): rFonts, b, …, color. Word refuses other orders.
  const rPr = [
    col.mono && !header
      ? `<w:rFonts w:ascii="${MONO_FONT}" w:hAnsi="${MONO_FONT}" w:cs="${MONO_FONT}"/>`
      : '',
    header || c.bold ? '<w:b/>' : '',
    color ? `<w:color w:val="${hex(color)}"/>` : '',
  ]
    .filter(Boolean)
    .join('');
  const jc =
    col.align === 'right' ? '<w:jc w:val="right"/>' : col.align === 'center' ? '<w:jc w:val="center"/>' : '';
  const runs = c.text
    .split('\n')
    .map(
      (line, i) =>
        `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${esc(line)}</w:t></w:r>`,
    )
    .join('');
  const shd = fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${hex(fill)}"/>` : '';
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shd}</w:tcPr><w:p><w:pPr><w:pStyle w:val="${style}"/>${jc}</w:pPr>${runs}</w:p></w:tc>`;
}

/** A full-width table whose header row repeats on every page (w:tblHeader) and whose rows never split. */
export function tableXml(
  columns: TableColumn[],
  rows: TableCell[][],
  compact: boolean,
  contentTwips: number,
): string {
  const total = columns.reduce((a, c) => a + c.width, 0);
  const widths = columns.map((c) => Math.round((c.width / total) * contentTwips));
  const style = compact ? 'TableTextCompact' : 'TableText';
  const border = (side: string) =>
    `<w:${side} w:val="single" w:sz="2" w:space="0" w:color="${hex(PALETTE.rule)}"/>`;
  const out: string[] = [
    '<w:tbl><w:tblPr>',
    `<w:tblW w:w="${contentTwips}" w:type="dxa"/>`,
    `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`,
    '<w:tblLayout w:type="fixed"/>',
    '<w:tblCellMar><w:top w:w="30" w:type="dxa"/><w:left w:w="70" w:type="dxa"/><w:bottom w:w="30" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar>',
    '</w:tblPr><w:tblGrid>',
    ...widths.map((w) => `<w:gridCol w:w="${w}"/>`),
    '</w:tblGrid>',
    '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>',
    ...columns.map((c, i) => cellXml({ text: c.header }, c, widths[i]!, style, true)),
    '</w:tr>',
  ];
  for (const r of rows) {
    out.push('<w:tr><w:trPr><w:cantSplit/></w:trPr>');
    r.forEach((c, i) => out.push(cellXml(c, columns[i]!, widths[i]!, style, false)));
    out.push('</w:tr>');
  }
  out.push('</w:tbl>');
  return out.join('');
}

/** Paragraph styles the tables use, with their sizes (half-points) from the shared style. */
export const TABLE_STYLE_SIZES = {
  TableText: SIZES.table * 2,
  TableTextCompact: SIZES.tableCompact * 2,
} as const;

function readEntries(docx: Buffer): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(docx, { lazyEntries: true }, (err, zip) => {
      if (err || !zip)
        return reject(
          new DeskError('INTERNAL', `The generated DOCX could not be read back: ${messageOf(err)}`),
        );
      const entries: { name: string; data: Buffer }[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Replaces each marker paragraph (<w:p>…MARK n…</w:p>) of word/document.xml with table n. */
export async function insertTables(docx: Buffer, tables: string[]): Promise<Buffer> {
  const entries = await readEntries(docx);
  const doc = entries.find((e) => e.name === 'word/document.xml');
  if (!doc) throw new DeskError('INTERNAL', 'The generated DOCX has no word/document.xml.');
  const xml = doc.data.toString('utf8');
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < tables.length; i++) {
    const at = xml.indexOf(`${TABLE_MARK}${i}<`, from);
    if (at < 0) throw new DeskError('INTERNAL', `The DOCX lost the place of table ${i}.`);
    const start = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
    const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
    parts.push(xml.slice(from, start), tables[i]!);
    from = end;
  }
  parts.push(xml.slice(from));
  doc.data = Buffer.from(parts.join(''), 'utf8');
  const zip = ZipWriter.toMemory();
  for (const e of entries) zip.add(e.name, e.data);
  return zip.finishToBuffer();
}
