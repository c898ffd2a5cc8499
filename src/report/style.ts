/** The report's look, shared by both renderers so the PDF and the DOCX read alike. */
import type { Emphasis } from './model';

export const PALETTE = {
  text: '#1b2733',
  muted: '#5b6b7b',
  accent: '#1f4e79',
  rule: '#c9d3dd',
  headerFill: '#1f4e79',
  headerText: '#ffffff',
  zebra: '#f5f8fb',
  noteFill: '#eef4fa',
  noteBar: '#1f4e79',
  warningFill: '#fff6e0',
  warningBar: '#b7791f',
} as const;

/** Text and background of an emphasised table cell (severity, status). */
export const EMPHASIS: Record<Emphasis, { text: string; fill?: string }> = {
  critical: { text: '#7f1d1d', fill: '#f8d0d0' },
  high: { text: '#9a3412', fill: '#fde2cf' },
  medium: { text: '#854d0e', fill: '#fef3c7' },
  low: { text: '#075985', fill: '#e0f2fe' },
  info: { text: '#334155', fill: '#eef2f7' },
  pass: { text: '#166534', fill: '#dcfce7' },
  ok: { text: '#166534', fill: '#dcfce7' },
  fail: { text: '#991b1b', fill: '#fee2e2' },
  warning: { text: '#92400e', fill: '#fef3c7' },
  muted: { text: '#6b7280' },
};

/** Point sizes. */
export const SIZES = {
  body: 9.5,
  small: 8,
  table: 8,
  tableCompact: 7,
  h1: 17,
  h2: 12.5,
  h3: 10.5,
  coverTitle: 26,
} as const;
