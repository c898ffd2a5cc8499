/**
 * Draws the model's blocks with pdfkit. Tables are laid out here (pdfkit has none): each row is
 * measured first, a row that does not fit starts a new page, and the header row is drawn again
 * at the top of every page the table continues on.
 */
import type { Block, TableCell, TableColumn, TextRun } from './model';
import type { Drawing } from './diagram';
import { arrowHead } from './png';
import { EMPHASIS, PALETTE, SIZES } from './style';

export type Pdf = PDFKit.PDFDocument;

export const FONT = {
  regular: 'regular',
  bold: 'bold',
  italic: 'italic',
  boldItalic: 'boldItalic',
  mono: 'mono',
} as const;

const CELL_PAD_X = 3.5;
const CELL_PAD_Y = 2.5;

export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottom(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when fewer than `height` points are left. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function fontFor(run: Omit<TextRun, 'text'>): string {
  if (run.mono) return FONT.mono;
  if (run.bold && run.italic) return FONT.boldItalic;
  if (run.bold) return FONT.bold;
  if (run.italic) return FONT.italic;
  return FONT.regular;
}

function writeRuns(
  doc: Pdf,
  runs: TextRun[],
  size: number,
  x: number,
  width: number,
  color: string = PALETTE.text,
): void {
  const visible = runs.length > 0 ? runs : [{ text: '' }];
  visible.forEach((r, i) => {
    doc
      .font(fontFor(r))
      .fontSize(r.mono ? size - 0.5 : size)
      .fillColor(color);
    const opts = { width, continued: i < visible.length - 1, lineGap: 1.5 };
    if (i === 0) doc.text(r.text, x, doc.y, opts);
    else doc.text(r.text, opts);
  });
}

export function drawHeading(doc: Pdf, level: 1 | 2 | 3, text: string): void {
  const size = level === 1 ? SIZES.h1 : level === 2 ? SIZES.h2 : SIZES.h3;
  // Keep a heading with at least a few lines of what follows it.
  ensureSpace(doc, size * 2 + 40);
  if (doc.y > doc.page.margins.top + 1) doc.moveDown(level === 1 ? 0.2 : 0.6);
  const x = doc.page.margins.left;
  doc
    .font(FONT.bold)
    .fontSize(size)
    .fillColor(PALETTE.accent)
    .text(text, x, doc.y, { width: contentWidth(doc) });
  if (level === 1) {
    const y = doc.y + 2;
    doc
      .moveTo(x, y)
      .lineTo(x + contentWidth(doc), y)
      .lineWidth(0.8)
      .strokeColor(PALETTE.accent)
      .stroke();
    doc.y = y + 8;
  } else doc.moveDown(0.25);
}

function drawKeyValue(doc: Pdf, pairs: { key: string; value: string; mono?: boolean }[]): void {
  const x = doc.page.margins.left;
  const keyW = 150;
  const valW = contentWidth(doc) - keyW - 8;
  // Hashes set in mono at a size where 64 hex digits fit on one line of the value column.
  const valueSize = (mono?: boolean) => (mono ? SIZES.body - 1.5 : SIZES.body);
  for (const p of pairs) {
    doc.font(p.mono ? FONT.mono : FONT.regular).fontSize(valueSize(p.mono));
    const h = Math.max(doc.heightOfString(p.value || '—', { width: valW }), 12);
    ensureSpace(doc, h + 3);
    const y = doc.y;
    doc.font(FONT.bold).fontSize(SIZES.body).fillColor(PALETTE.muted).text(p.key, x, y, { width: keyW });
    doc
      .font(p.mono ? FONT.mono : FONT.regular)
      .fontSize(valueSize(p.mono))
      .fillColor(PALETTE.text)
      .text(p.value || '—', x + keyW + 8, y, { width: valW });
    doc.y = Math.max(doc.y, y + h) + 3;
  }
  doc.x = x;
  doc.moveDown(0.4);
}

function drawCallout(doc: Pdf, tone: 'note' | 'warning', title: string, runs: TextRun[]): void {
  const x = doc.page.margins.left;
  const w = contentWidth(doc);
  const inner = w - 22;
  doc.font(FONT.regular).fontSize(SIZES.body);
  const textH = doc.heightOfString(runs.map((r) => r.text).join(''), { width: inner, lineGap: 1.5 });
  const h = textH + 30;
  ensureSpace(doc, h + 6);
  const y = doc.y;
  doc.rect(x, y, w, h).fill(tone === 'warning' ? PALETTE.warningFill : PALETTE.noteFill);
  doc.rect(x, y, 3.5, h).fill(tone === 'warning' ? PALETTE.warningBar : PALETTE.noteBar);
  doc
    .font(FONT.bold)
    .fontSize(SIZES.body)
    .fillColor(PALETTE.text)
    .text(title, x + 14, y + 7, { width: inner });
  doc.y = y + 22;
  writeRuns(doc, runs, SIZES.body, x + 14, inner);
  doc.x = x;
  doc.y = y + h + 8;
}

function cellFont(col: TableColumn, c: TableCell): string {
  if (c.bold) return FONT.bold;
  return col.mono ? FONT.mono : FONT.regular;
}

function drawTable(
  doc: Pdf,
  columns: TableColumn[],
  rows: TableCell[][],
  compact: boolean,
  emptyText?: string,
): void {
  const x0 = doc.page.margins.left;
  const total = columns.reduce((a, c) => a + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));
  const size = compact ? SIZES.tableCompact : SIZES.table;
  const header = columns.map((c) => ({ text: c.header, bold: true }) as TableCell);

  // Most cells of a long table hold one short line: measured by width alone and drawn without
  // the line wrapper, which halves the time of a 10k-row report. Others wrap as usual.
  const singleLine = new Map<TableCell, number>();
  const measure = (cells: TableCell[], isHeader: boolean): number => {
    let h = 0;
    cells.forEach((c, i) => {
      doc.font(isHeader ? FONT.bold : cellFont(columns[i]!, c)).fontSize(size);
      const inner = widths[i]! - CELL_PAD_X * 2;
      const textWidth = c.text.includes('\n') ? Infinity : doc.widthOfString(c.text);
      if (textWidth <= inner) {
        singleLine.set(c, textWidth);
        h = Math.max(h, doc.currentLineHeight(true));
      } else h = Math.max(h, doc.heightOfString(c.text || ' ', { width: inner }));
    });
    return h + CELL_PAD_Y * 2;
  };
  const headerH = measure(header, true);

  const drawRow = (cells: TableCell[], y: number, h: number, isHeader: boolean, zebra: boolean): void => {
    let x = x0;
    if (isHeader) doc.rect(x0, y, contentWidth(doc), h).fill(PALETTE.headerFill);
    else if (zebra) doc.rect(x0, y, contentWidth(doc), h).fill(PALETTE.zebra);
    cells.forEach((c, i) => {
      const w = widths[i]!;
      const col = columns[i]!;
      const emph = !isHeader && c.emphasis ? EMPHASIS[c.emphasis] : undefined;
      if (emph?.fill) doc.rect(x + 1, y + 1, w - 2, h - 2).fill(emph.fill);
      doc
        .font(isHeader ? FONT.bold : cellFont(col, c))
        .fontSize(size)
        .fillColor(isHeader ? PALETTE.headerText : (emph?.text ?? PALETTE.text));
      const single = singleLine.get(c);
      if (single !== undefined) {
        const free = w - CELL_PAD_X * 2 - single;
        const dx = col.align === 'right' ? free : col.align === 'center' ? free / 2 : 0;
        doc.text(c.text, x + CELL_PAD_X + dx, y + CELL_PAD_Y, { lineBreak: false });
      } else
        doc.text(c.text, x + CELL_PAD_X, y + CELL_PAD_Y, {
          width: w - CELL_PAD_X * 2,
          align: col.align ?? 'left',
        });
      x += w;
    });
    doc
      .moveTo(x0, y + h)
      .lineTo(x0 + contentWidth(doc), y + h)
      .lineWidth(0.3)
      .strokeColor(PALETTE.rule)
      .stroke();
  };

  if (rows.length === 0) {
    drawParagraph(doc, [{ text: emptyText ?? 'None.', italic: true }], SIZES.body);
    return;
  }
  ensureSpace(doc, headerH + measure(rows[0]!, false) + 2);
  let y = doc.y;
  drawRow(header, y, headerH, true, false);
  y += headerH;
  rows.forEach((r, idx) => {
    const h = measure(r, false);
    if (y + h > bottom(doc)) {
      doc.addPage();
      y = doc.y;
      drawRow(header, y, headerH, true, false);
      y += headerH;
    }
    drawRow(r, y, h, false, idx % 2 === 1);
    y += h;
  });
  doc.x = x0;
  doc.y = y + 8;
}

export function drawParagraph(doc: Pdf, runs: TextRun[], size: number, color?: string): void {
  const x = doc.page.margins.left;
  doc.font(FONT.regular).fontSize(size);
  ensureSpace(
    doc,
    Math.min(doc.heightOfString(runs.map((r) => r.text).join('') || ' ', { width: contentWidth(doc) }), 60),
  );
  writeRuns(doc, runs, size, x, contentWidth(doc), color);
  doc.x = x;
  doc.moveDown(0.45);
}

function drawBullets(doc: Pdf, items: TextRun[][]): void {
  const x = doc.page.margins.left;
  for (const item of items) {
    doc.font(FONT.regular).fontSize(SIZES.body);
    ensureSpace(doc, 14);
    const y = doc.y;
    doc.fillColor(PALETTE.accent).text('•', x + 4, y, { width: 10 });
    doc.y = y;
    writeRuns(doc, item, SIZES.body, x + 16, contentWidth(doc) - 16);
    doc.moveDown(0.15);
  }
  doc.x = x;
  doc.moveDown(0.3);
}

/** Draws the diagram natively (vector, selectable text), scaled to the text width. */
function drawFigure(doc: Pdf, d: Drawing, caption: string): void {
  const x0 = doc.page.margins.left;
  const scale = Math.min(1, contentWidth(doc) / d.width);
  const h = d.height * scale;
  ensureSpace(doc, h + 24);
  const y0 = doc.y;
  doc.save();
  doc.translate(x0, y0).scale(scale);
  doc.rect(0, 0, d.width, d.height).lineWidth(0.5).strokeColor(PALETTE.rule).stroke();
  for (const s of d.shapes) {
    if (s.type === 'rect') {
      doc.roundedRect(s.x, s.y, s.w, s.h, s.radius).lineWidth(1.2).fillAndStroke(s.fill, s.stroke);
    } else if (s.type === 'line') {
      const [first, ...rest] = s.points;
      if (!first) continue;
      doc.moveTo(first[0], first[1]);
      for (const p of rest) doc.lineTo(p[0], p[1]);
      doc.lineWidth(1.2).strokeColor(s.stroke).stroke();
      if (s.arrow && s.points.length >= 2) {
        const [a, b, c] = arrowHead(s.points[s.points.length - 2]!, s.points[s.points.length - 1]!, 6);
        doc.polygon(a!, b!, c!).fill(s.stroke);
      }
    } else {
      doc
        .font(s.bold ? FONT.bold : FONT.regular)
        .fontSize(s.size)
        .fillColor(s.color);
      const w = doc.widthOfString(s.text);
      const tx = s.anchor === 'middle' ? s.x - w / 2 : s.x;
      doc.text(s.text, tx, s.y, { lineBreak: false, baseline: 'alphabetic' });
    }
  }
  doc.restore();
  doc.x = x0;
  doc.y = y0 + h + 4;
  doc
    .font(FONT.italic)
    .fontSize(SIZES.small)
    .fillColor(PALETTE.muted)
    .text(caption, x0, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.8);
}

export function drawBlock(doc: Pdf, b: Block): void {
  switch (b.kind) {
    case 'heading':
      drawHeading(doc, b.level, b.text);
      return;
    case 'paragraph':
      drawParagraph(doc, b.runs, b.small ? SIZES.small : SIZES.body, b.small ? PALETTE.muted : PALETTE.text);
      return;
    case 'bullets':
      drawBullets(doc, b.items);
      return;
    case 'keyValue':
      drawKeyValue(doc, b.pairs);
      return;
    case 'table':
      drawTable(doc, b.columns, b.rows, b.compact ?? false, b.emptyText);
      return;
    case 'figure':
      drawFigure(doc, b.drawing, b.caption);
      return;
    case 'pageBreak':
      doc.addPage();
      return;
    case 'callout':
      drawCallout(doc, b.tone, b.title, b.runs);
      return;
  }
}
