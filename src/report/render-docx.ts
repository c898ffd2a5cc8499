/**
 * The report model as a Word document (docx): the same sections, headings, tables (header row
 * repeated on every page), figures (SVG with a PNG fallback) and callouts as the PDF, so an
 * auditor who edits the DOCX starts from exactly what the signed PDF says. Tables are written as
 * WordprocessingML by docx-tables.ts, which keeps a 10k-finding report within memory.
 */
import {
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  TabStopType,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { drawingToSvg } from './diagram';
import { insertTables, TABLE_MARK, TABLE_STYLE_SIZES, tableXml } from './docx-tables';
import type {
  Block,
  ReportDocument,
  TableCell as ModelCell,
  TableColumn,
  TextRun as ModelRun,
} from './model';
import { drawingToPng } from './png';
import { PALETTE, SIZES } from './style';

const PAGE = { width: 12240, height: 15840, margin: 1080 }; // US Letter, 0.75 in margins (twips)
const CONTENT_TWIPS = PAGE.width - PAGE.margin * 2;
const BODY_FONT = 'Calibri';
const MONO_FONT = 'Consolas';
const hex = (c: string) => c.replace('#', '').toUpperCase();
const halfPoints = (pt: number) => Math.round(pt * 2);

function runs(model: ModelRun[], size: number, color: string = PALETTE.text): TextRun[] {
  return model.map(
    (r) =>
      new TextRun({
        text: r.text,
        bold: r.bold ?? false,
        italics: r.italic ?? false,
        font: r.mono ? MONO_FONT : BODY_FONT,
        size: halfPoints(r.mono ? size - 0.5 : size),
        color: hex(color),
      }),
  );
}

/** Tables are collected as WordprocessingML and put in place after packing (docx-tables.ts). */
class TableSlots {
  readonly xml: string[] = [];

  /** A marker paragraph now; insertTables() swaps it for the table. */
  place(columns: TableColumn[], rows: ModelCell[][], compact: boolean): Paragraph {
    const n = this.xml.length;
    this.xml.push(tableXml(columns, rows, compact, CONTENT_TWIPS));
    return new Paragraph({ children: [new TextRun(`${TABLE_MARK}${n}`)] });
  }
}

function figure(b: Extract<Block, { kind: 'figure' }>): Paragraph[] {
  // Points to pixels at 96 dpi, scaled to the text width (7 in = 672 px).
  const maxPx = (CONTENT_TWIPS / 1440) * 96;
  const px = b.drawing.width * (96 / 72);
  const scale = Math.min(1, maxPx / px);
  const width = Math.round(px * scale);
  const height = Math.round(b.drawing.height * (96 / 72) * scale);
  return [
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(drawingToSvg(b.drawing, b.caption), 'utf8'),
          fallback: { type: 'png', data: drawingToPng(b.drawing) },
          transformation: { width, height },
          altText: { name: b.file, description: b.caption, title: b.caption },
        }),
      ],
    }),
    new Paragraph({
      spacing: { after: 200 },
      children: runs([{ text: b.caption, italic: true }], SIZES.small, PALETTE.muted),
    }),
  ];
}

function block(b: Block, tables: TableSlots): Paragraph[] {
  switch (b.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading:
            b.level === 1
              ? HeadingLevel.HEADING_1
              : b.level === 2
                ? HeadingLevel.HEADING_2
                : HeadingLevel.HEADING_3,
          keepNext: true,
          children: runs([{ text: b.text }], b.level === 2 ? SIZES.h2 : SIZES.h3, PALETTE.accent),
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          spacing: { after: 120 },
          children: runs(b.runs, b.small ? SIZES.small : SIZES.body, b.small ? PALETTE.muted : PALETTE.text),
        }),
      ];
    case 'bullets':
      return b.items.map(
        (item) =>
          new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: runs(item, SIZES.body) }),
      );
    case 'keyValue': {
      const cols: TableColumn[] = [
        { header: 'Item', width: 3 },
        { header: 'Value', width: 7 },
      ];
      return [
        tables.place(
          cols,
          b.pairs.map((p) => [{ text: p.key, bold: true }, { text: p.value || '—' }]),
          false,
        ),
        new Paragraph({ children: [] }),
      ];
    }
    case 'table':
      if (b.rows.length === 0)
        return [
          new Paragraph({
            spacing: { after: 120 },
            children: runs([{ text: b.emptyText ?? 'None.', italic: true }], SIZES.body),
          }),
        ];
      return [tables.place(b.columns, b.rows, b.compact ?? false), new Paragraph({ children: [] })];
    case 'figure':
      return figure(b);
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
    case 'callout': {
      const bar = b.tone === 'warning' ? PALETTE.warningBar : PALETTE.noteBar;
      const fill = b.tone === 'warning' ? PALETTE.warningFill : PALETTE.noteFill;
      const common = {
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(fill) },
        border: { left: { style: BorderStyle.SINGLE, size: 24, color: hex(bar), space: 8 } },
      };
      return [
        new Paragraph({
          ...common,
          keepNext: true,
          children: runs([{ text: b.title, bold: true }], SIZES.body),
        }),
        new Paragraph({ ...common, spacing: { after: 160 }, children: runs(b.runs, SIZES.body) }),
      ];
    }
  }
}

function cover(report: ReportDocument): Paragraph[] {
  const c = report.cover;
  return [
    new Paragraph({
      spacing: { before: 2400, after: 200 },
      children: runs([{ text: c.title, bold: true }], SIZES.coverTitle, PALETTE.accent),
    }),
    new Paragraph({ spacing: { after: 120 }, children: runs([{ text: c.subtitle }], 14) }),
    new Paragraph({
      spacing: { after: 600 },
      children: runs([{ text: c.preparedFor, bold: true }], 11, PALETTE.muted),
    }),
    ...c.fields.map(
      (f) =>
        new Paragraph({
          tabStops: [{ type: TabStopType.LEFT, position: 2600 }],
          spacing: { after: 80 },
          children: [
            ...runs([{ text: f.key, bold: true }], 10, PALETTE.muted),
            new TextRun({ text: '\t' }),
            ...runs([{ text: f.value }], 10),
          ],
        }),
    ),
    new Paragraph({
      spacing: { before: 800 },
      shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(PALETTE.noteFill) },
      children: runs([{ text: c.notice }], SIZES.small),
    }),
  ];
}

export async function renderDocx(report: ReportDocument): Promise<Buffer> {
  const small = halfPoints(7.5);
  const muted = hex(PALETTE.muted);
  const body: Paragraph[] = [];
  const tables = new TableSlots();
  for (const s of report.sections) {
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        keepNext: true,
        children: runs([{ text: s.title }], SIZES.h1, PALETTE.accent),
      }),
    );
    for (const b of s.blocks) body.push(...block(b, tables));
  }
  const tabRight = [{ type: TabStopType.RIGHT, position: CONTENT_TWIPS }];
  const doc = new Document({
    creator: report.meta.author,
    title: report.meta.title,
    subject: report.meta.subject,
    description: report.meta.subject,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: halfPoints(SIZES.body), color: hex(PALETTE.text) } },
      },
      paragraphStyles: [
        {
          id: 'TableText',
          name: 'Table text',
          basedOn: 'Normal',
          run: { size: TABLE_STYLE_SIZES.TableText },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
        {
          id: 'TableTextCompact',
          name: 'Table text (compact)',
          basedOn: 'Normal',
          run: { size: TABLE_STYLE_SIZES.TableTextCompact },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                tabStops: tabRight,
                children: [
                  new TextRun({ text: report.meta.headerLeft, size: small, color: muted }),
                  new TextRun({
                    text: `\t${report.meta.headerRight}`,
                    size: small,
                    color: muted,
                    bold: true,
                  }),
                ],
              }),
            ],
          }),
        },
        footers: {
          first: new Footer({ children: [new Paragraph({ children: [] })] }),
          default: new Footer({
            children: [
              new Paragraph({
                tabStops: tabRight,
                children: [
                  new TextRun({ text: report.meta.footerLeft, size: small, color: muted }),
                  new TextRun({
                    children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                    size: small,
                    color: muted,
                  }),
                ] as ParagraphChild[],
              }),
            ],
          }),
        },
        children: [...cover(report), ...body],
      },
    ],
  });
  return insertTables(await Packer.toBuffer(doc), tables.xml);
}
