/**
 * The report model as a PDF (pdfkit): embedded DejaVu fonts, a cover, a contents page with links,
 * one bookmark per section (and per subsection), running header and footer with page numbers.
 * The result is unsigned; sign.ts adds the embedded signature to the finished buffer.
 */
import PDFDocument from 'pdfkit';
import { reportFonts } from './fonts';
import type { ReportDocument, Section } from './model';
import { FONT, contentWidth, drawBlock, drawHeading, type Pdf } from './pdf-blocks';
import { PALETTE, SIZES } from './style';

const MARGINS = { top: 62, bottom: 58, left: 54, right: 54 };

interface TocEntry {
  title: string;
  id: string;
  page: number;
}

function drawCover(doc: Pdf, report: ReportDocument): void {
  const { cover } = report;
  const x = MARGINS.left;
  const w = contentWidth(doc);
  doc.rect(0, 0, doc.page.width, 10).fill(PALETTE.accent);
  doc.y = 150;
  doc
    .font(FONT.bold)
    .fontSize(SIZES.coverTitle)
    .fillColor(PALETTE.accent)
    .text(cover.title, x, doc.y, { width: w });
  doc.moveDown(0.3);
  doc.font(FONT.regular).fontSize(14).fillColor(PALETTE.text).text(cover.subtitle, { width: w });
  doc.moveDown(0.6);
  doc.font(FONT.bold).fontSize(11).fillColor(PALETTE.muted).text(cover.preparedFor, { width: w });
  doc.moveDown(2);
  const y0 = doc.y;
  doc
    .moveTo(x, y0)
    .lineTo(x + w, y0)
    .lineWidth(0.6)
    .strokeColor(PALETTE.rule)
    .stroke();
  doc.y = y0 + 12;
  for (const f of cover.fields) {
    const y = doc.y;
    doc.font(FONT.bold).fontSize(10).fillColor(PALETTE.muted).text(f.key, x, y, { width: 150 });
    doc
      .font(FONT.regular)
      .fontSize(10)
      .fillColor(PALETTE.text)
      .text(f.value, x + 160, y, { width: w - 160 });
    doc.y = Math.max(doc.y, y + 14) + 4;
  }
  const noticeY = doc.page.height - MARGINS.bottom - 70;
  doc.rect(x, noticeY, w, 56).fill(PALETTE.noteFill);
  doc
    .font(FONT.regular)
    .fontSize(SIZES.small)
    .fillColor(PALETTE.text)
    .text(cover.notice, x + 12, noticeY + 10, { width: w - 24 });
}

function drawToc(doc: Pdf, entries: TocEntry[], firstContentPage: number): void {
  doc.y = MARGINS.top;
  drawHeading(doc, 1, 'Contents');
  const x = MARGINS.left;
  const w = contentWidth(doc);
  for (const e of entries) {
    const y = doc.y;
    const pageText = String(e.page + 1);
    doc
      .font(FONT.regular)
      .fontSize(10.5)
      .fillColor(PALETTE.text)
      .text(e.title, x, y, { width: w - 50, goTo: e.id, lineBreak: false });
    doc.text(pageText, x + w - 40, y, { width: 40, align: 'right', goTo: e.id, lineBreak: false });
    const titleW = doc.widthOfString(e.title);
    doc
      .moveTo(x + titleW + 6, y + 9)
      .lineTo(x + w - 44, y + 9)
      .dash(1, { space: 2.5 })
      .lineWidth(0.5)
      .strokeColor(PALETTE.rule)
      .stroke()
      .undash();
    doc.y = y + 19;
  }
  doc.moveDown(1);
  doc
    .font(FONT.italic)
    .fontSize(SIZES.small)
    .fillColor(PALETTE.muted)
    .text(
      `Page numbers refer to this PDF. The body of the report starts on page ${firstContentPage + 1}.`,
      x,
      doc.y,
      { width: w },
    );
}

/** Shortens text with an ellipsis to fit `width` in the current font. */
function fitText(doc: Pdf, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let t = text;
  while (t.length > 1 && doc.widthOfString(`${t}…`) > width) t = t.slice(0, -1);
  return `${t.trimEnd()}…`;
}

function drawRunningText(doc: Pdf, report: ReportDocument, pageIndex: number, pageCount: number): void {
  const w = contentWidth(doc);
  const x = MARGINS.left;
  // Writing into the margins must not make pdfkit start a new page.
  const saved = { ...doc.page.margins };
  doc.page.margins = { top: 0, bottom: 0, left: saved.left, right: saved.right };
  doc.font(FONT.bold).fontSize(7.5).fillColor(PALETTE.muted);
  const rightW = doc.widthOfString(report.meta.headerRight);
  doc.text(report.meta.headerRight, x + w - rightW, 30, { lineBreak: false });
  doc.font(FONT.regular);
  doc.text(fitText(doc, report.meta.headerLeft, w - rightW - 16), x, 30, { lineBreak: false });
  doc
    .moveTo(x, 42)
    .lineTo(x + w, 42)
    .lineWidth(0.4)
    .strokeColor(PALETTE.rule)
    .stroke();
  const fy = doc.page.height - 38;
  doc
    .moveTo(x, fy - 6)
    .lineTo(x + w, fy - 6)
    .lineWidth(0.4)
    .strokeColor(PALETTE.rule)
    .stroke();
  doc
    .font(FONT.regular)
    .fontSize(7.5)
    .fillColor(PALETTE.muted)
    .text(report.meta.footerLeft, x, fy, { width: w * 0.75, lineBreak: false });
  doc.text(`Page ${pageIndex + 1} of ${pageCount}`, x + w * 0.75, fy, {
    width: w * 0.25,
    align: 'right',
    lineBreak: false,
  });
  doc.page.margins = saved;
}

function drawSection(doc: Pdf, section: Section): void {
  doc.addPage();
  doc.addNamedDestination(section.id);
  const item = doc.outline.addItem(section.title, { expanded: false });
  drawHeading(doc, 1, section.title);
  for (const b of section.blocks) {
    if (b.kind === 'heading' && b.level === 2) {
      drawHeading(doc, 2, b.text);
      // Bookmark the page the subsection heading actually landed on.
      item.addItem(b.text);
      continue;
    }
    drawBlock(doc, b);
  }
}

/** Renders the whole report; resolves with the unsigned PDF bytes. */
export async function renderPdf(report: ReportDocument): Promise<Buffer> {
  const fonts = reportFonts();
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: false,
    pdfVersion: '1.7',
    lang: 'en-US',
    displayTitle: true,
    info: {
      Title: report.meta.title,
      Author: report.meta.author,
      Subject: report.meta.subject,
      Creator: 'PHI Audit Desk',
      Producer: 'PHI Audit Desk (pdfkit)',
      CreationDate: new Date(report.meta.createdAt),
    },
  });
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);
  doc.registerFont(FONT.italic, fonts.italic);
  doc.registerFont(FONT.boldItalic, fonts.boldItalic);
  doc.registerFont(FONT.mono, fonts.mono);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  doc.addPage();
  drawCover(doc, report);
  doc.addPage(); // contents, filled in once the section pages are known
  const tocPage = 1;
  const toc: TocEntry[] = [];
  for (const section of report.sections) {
    drawSection(doc, section);
    const first = doc.bufferedPageRange().count - 1;
    // drawSection added pages; the section starts at the first page it added.
    toc.push({ title: section.title, id: section.id, page: first });
  }
  // Fix the start pages: each section began one page after the previous section ended.
  let start = tocPage + 1;
  for (const e of toc) {
    const end = e.page;
    e.page = start;
    start = end + 1;
  }
  doc.switchToPage(tocPage);
  drawToc(doc, toc, tocPage + 1);
  const { count } = doc.bufferedPageRange();
  for (let i = 1; i < count; i++) {
    doc.switchToPage(i);
    drawRunningText(doc, report, i, count);
  }
  doc.flushPages();
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
