/**
 * The one document model of the audit package (ARCHITECTURE.md "The audit package"). The report is
 * built once as data (build-report.ts) and rendered by render-pdf.ts and render-docx.ts, so the PDF
 * and the DOCX can never say different things. Renderers decide look, never content.
 */
import type { Drawing } from './diagram';

/** Semantic colour of a table cell; each renderer maps it to its own palette. */
export type Emphasis =
  'critical' | 'high' | 'medium' | 'low' | 'info' | 'pass' | 'fail' | 'warning' | 'muted' | 'ok';

export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Identifiers, hashes, file paths: set in a monospaced face so they can be compared by eye. */
  mono?: boolean;
}

export interface TableColumn {
  header: string;
  /** Relative width; the renderer scales the columns to the text width of the page. */
  width: number;
  mono?: boolean;
  align?: 'left' | 'right' | 'center';
}

export interface TableCell {
  text: string;
  emphasis?: Emphasis;
  bold?: boolean;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: TextRun[]; small?: boolean }
  | { kind: 'bullets'; items: TextRun[][] }
  | { kind: 'keyValue'; pairs: { key: string; value: string; mono?: boolean }[] }
  | {
      kind: 'table';
      columns: TableColumn[];
      rows: TableCell[][];
      /** Compact tables use a smaller face: long inventories (findings at scale, evidence). */
      compact?: boolean;
      /** Said instead of an empty table. */
      emptyText?: string;
    }
  | {
      kind: 'figure';
      drawing: Drawing;
      caption: string;
      /** where the SVG sits in the package */ file: string;
    }
  | { kind: 'pageBreak' }
  | { kind: 'callout'; tone: 'note' | 'warning'; title: string; runs: TextRun[] };

export interface Section {
  /** Stable anchor, also used for bookmarks. */
  id: string;
  title: string;
  blocks: Block[];
}

export interface CoverPage {
  title: string;
  subtitle: string;
  preparedFor: string;
  fields: { key: string; value: string }[];
  notice: string;
}

export interface ReportDocument {
  meta: {
    title: string;
    client: string;
    author: string;
    subject: string;
    createdAt: string;
    /** Running header and footer text on every page after the cover. */
    headerLeft: string;
    headerRight: string;
    footerLeft: string;
  };
  cover: CoverPage;
  sections: Section[];
}

// Small constructors keep the section builders readable.

export function run(text: string, style: Omit<TextRun, 'text'> = {}): TextRun {
  return { text, ...style };
}

export function paragraph(...runs: (TextRun | string)[]): Block {
  return { kind: 'paragraph', runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)) };
}

export function smallParagraph(...runs: (TextRun | string)[]): Block {
  return { kind: 'paragraph', small: true, runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)) };
}

export function heading(level: 1 | 2 | 3, text: string): Block {
  return { kind: 'heading', level, text };
}

export function bullets(items: (string | TextRun[])[]): Block {
  return { kind: 'bullets', items: items.map((i) => (typeof i === 'string' ? [{ text: i }] : i)) };
}

export function keyValue(pairs: { key: string; value: string; mono?: boolean }[]): Block {
  return { kind: 'keyValue', pairs };
}

export function callout(tone: 'note' | 'warning', title: string, text: string): Block {
  return { kind: 'callout', tone, title, runs: [{ text }] };
}

export function cell(text: string | number, emphasis?: Emphasis, bold?: boolean): TableCell {
  return { text: String(text), ...(emphasis ? { emphasis } : {}), ...(bold ? { bold } : {}) };
}

/** Every block's plain text, for tests and for search: what a reader would find in either file. */
export function plainText(doc: ReportDocument): string {
  const out: string[] = [
    doc.cover.title,
    doc.cover.subtitle,
    doc.cover.preparedFor,
    ...doc.cover.fields.map((f) => `${f.key} ${f.value}`),
  ];
  for (const s of doc.sections) {
    out.push(s.title);
    for (const b of s.blocks) out.push(blockText(b));
  }
  return out.join('\n');
}

function blockText(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return b.text;
    case 'paragraph':
    case 'callout':
      return b.runs.map((r) => r.text).join('');
    case 'bullets':
      return b.items.map((i) => i.map((r) => r.text).join('')).join('\n');
    case 'keyValue':
      return b.pairs.map((p) => `${p.key} ${p.value}`).join('\n');
    case 'table':
      return [
        b.columns.map((c) => c.header).join(' '),
        ...b.rows.map((r) => r.map((c) => c.text).join(' ')),
      ].join('\n');
    case 'figure':
      return b.caption;
    case 'pageBreak':
      return '';
  }
}
