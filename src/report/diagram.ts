/**
 * PHI-flow diagrams as a tiny vector scene: laid out here once (simple layered layout, left to
 * right), serialized to SVG for diagrams/ in the package, drawn natively by the PDF renderer and
 * rasterized for the DOCX fallback image. One geometry, so every copy shows the same picture.
 */

export interface DrawRect {
  type: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
  stroke: string;
  radius: number;
}

export interface DrawLine {
  type: 'line';
  points: [number, number][];
  stroke: string;
  arrow: boolean;
}

export interface DrawText {
  type: 'text';
  x: number;
  /** Baseline */
  y: number;
  text: string;
  size: number;
  color: string;
  anchor: 'start' | 'middle';
  bold?: boolean;
}

export type DrawShape = DrawRect | DrawLine | DrawText;

export interface Drawing {
  width: number;
  height: number;
  shapes: DrawShape[];
}

export interface FlowNodeInput {
  id: number;
  kind: string;
  label: string;
  phi: boolean;
}

export interface FlowEdgeInput {
  source: number;
  target: number;
  label: string;
}

const BOX_W = 132;
const BOX_H = 46;
const GAP_X = 64;
const GAP_Y = 26;
const PAD = 16;
const FONT = 8.5;
/** Average advance of DejaVu Sans as a fraction of the size: enough to wrap labels in boxes. */
const CHAR_W = 0.56;

const KIND_FILL: Record<string, string> = {
  datastore: '#e3eefb',
  database: '#e3eefb',
  storage: '#e3eefb',
  external: '#f1f1f1',
  user: '#f1f1f1',
  actor: '#f1f1f1',
};

/** Layer = longest path from a source, ignoring edges that close a cycle. */
function assignLayers(nodes: FlowNodeInput[], edges: FlowEdgeInput[]): Map<number, number> {
  const out = new Map<number, number[]>();
  for (const n of nodes) out.set(n.id, []);
  for (const e of edges)
    if (out.has(e.source) && out.has(e.target) && e.source !== e.target) out.get(e.source)!.push(e.target);
  const state = new Map<number, 1 | 2>();
  const forward: [number, number][] = [];
  const visit = (id: number): void => {
    state.set(id, 1);
    for (const t of out.get(id) ?? []) {
      const s = state.get(t);
      if (s === 1) continue; // back edge: would make a cycle
      forward.push([id, t]);
      if (s === undefined) visit(t);
    }
    state.set(id, 2);
  };
  for (const n of nodes) if (!state.has(n.id)) visit(n.id);
  const layer = new Map<number, number>(nodes.map((n) => [n.id, 0]));
  // Relax |V| times at most: the forward edges form a DAG.
  for (let i = 0; i < nodes.length; i++) {
    let changed = false;
    for (const [s, t] of forward) {
      const next = (layer.get(s) ?? 0) + 1;
      if (next > (layer.get(t) ?? 0)) {
        layer.set(t, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return layer;
}

export function wrapLabel(text: string, maxChars: number, maxLines = 2): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    const next = cur ? `${cur} ${w}` : w;
    if (next.length <= maxChars || !cur) cur = next;
    else {
      lines.push(cur);
      cur = w;
    }
  }
  if (cur) lines.push(cur);
  const kept = lines
    .slice(0, maxLines)
    .map((l) => (l.length > maxChars ? `${l.slice(0, maxChars - 1)}…` : l));
  if (lines.length > maxLines) kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, maxChars - 1)}…`;
  return kept;
}

/**
 * Flows of up to three steps read left to right; longer ones top to bottom, so a five-step flow
 * stays legible at the width of a page instead of shrinking to fit.
 */
export function layoutFlow(nodes: FlowNodeInput[], edges: FlowEdgeInput[]): Drawing {
  const layer = assignLayers(nodes, edges);
  const layers: FlowNodeInput[][] = [];
  for (const n of nodes) (layers[layer.get(n.id) ?? 0] ??= []).push(n);
  const vertical = layers.length > 3;
  const stepMain = vertical ? BOX_H + 40 : BOX_W + GAP_X; // distance between layers
  const stepCross = vertical ? BOX_W + GAP_Y * 2 : BOX_H + GAP_Y; // distance within a layer
  const pos = new Map<number, { x: number; y: number }>();
  const rowOf = new Map<number, number>();
  const widest = Math.max(1, ...layers.map((l) => l?.length ?? 0));
  layers.forEach((col, li) => {
    // Order by the mean position of predecessors (one barycenter pass) to reduce crossings.
    const key = (n: FlowNodeInput) => {
      const preds = edges
        .filter((e) => e.target === n.id && rowOf.has(e.source))
        .map((e) => rowOf.get(e.source)!);
      return preds.length ? preds.reduce((a, b) => a + b, 0) / preds.length : Number.MAX_SAFE_INTEGER;
    };
    const ordered = li === 0 ? col : [...col].sort((a, b) => key(a) - key(b));
    // Centre each layer on the widest one.
    const offset = ((widest - ordered.length) * stepCross) / 2;
    ordered.forEach((n, row) => {
      rowOf.set(n.id, row);
      const main = PAD + li * stepMain;
      const cross = PAD + 14 + offset + row * stepCross;
      pos.set(n.id, vertical ? { x: cross, y: main + 14 } : { x: main, y: cross });
    });
  });
  const nLayers = Math.max(1, layers.length);
  const width = vertical
    ? PAD * 2 + 14 + widest * stepCross + 60
    : PAD * 2 + nLayers * BOX_W + (nLayers - 1) * GAP_X;
  const height = vertical
    ? PAD * 2 + 14 + nLayers * BOX_H + (nLayers - 1) * 40 + 28
    : PAD * 2 + 14 + widest * BOX_H + (widest - 1) * GAP_Y + 28;
  const shapes: DrawShape[] = [];

  for (const e of edges) {
    const a = pos.get(e.source);
    const b = pos.get(e.target);
    if (!a || !b) continue;
    const forward = vertical ? b.y > a.y : b.x > a.x;
    let points: [number, number][];
    if (forward && vertical) {
      points = [
        [a.x + BOX_W / 2, a.y + BOX_H],
        [b.x + BOX_W / 2, b.y],
      ];
    } else if (forward) {
      points = [
        [a.x + BOX_W, a.y + BOX_H / 2],
        [b.x, b.y + BOX_H / 2],
      ];
    } else if (vertical) {
      // Backward edge: route beside the boxes so it never crosses a label.
      const side = Math.max(a.x, b.x) + BOX_W + 18;
      points = [
        [a.x + BOX_W, a.y + BOX_H / 2],
        [side, a.y + BOX_H / 2],
        [side, b.y + BOX_H / 2 + 8],
        [b.x + BOX_W, b.y + BOX_H / 2 + 8],
      ];
    } else {
      const below = Math.max(a.y, b.y) + BOX_H + GAP_Y / 2;
      points = [
        [a.x + BOX_W / 2, a.y + BOX_H],
        [a.x + BOX_W / 2, below],
        [b.x + BOX_W / 2 + 10, below],
        [b.x + BOX_W / 2 + 10, b.y + BOX_H],
      ];
    }
    shapes.push({ type: 'line', points, stroke: '#4a5a6a', arrow: true });
    if (e.label) {
      const [p, q] = [points[0]!, points[points.length - 1]!];
      if (vertical && points.length === 2) {
        const text = wrapLabel(e.label, 30, 1)[0] ?? '';
        shapes.push({
          type: 'text',
          x: (p[0] + q[0]) / 2 + 6,
          y: (p[1] + q[1]) / 2 + 3,
          text,
          size: 7,
          color: '#33475b',
          anchor: 'start',
        });
      } else {
        const mx = (p[0] + q[0]) / 2;
        const my = points.length === 2 ? (p[1] + q[1]) / 2 - 4 : points[1]![1] + 10;
        const text = wrapLabel(e.label, Math.floor(GAP_X / (7 * CHAR_W)) + 6, 1)[0] ?? '';
        shapes.push({ type: 'text', x: mx, y: my, text, size: 7, color: '#33475b', anchor: 'middle' });
      }
    }
  }
  for (const n of nodes) {
    const p = pos.get(n.id)!;
    shapes.push({
      type: 'rect',
      x: p.x,
      y: p.y,
      w: BOX_W,
      h: BOX_H,
      fill: KIND_FILL[n.kind.toLowerCase()] ?? '#ffffff',
      stroke: n.phi ? '#b3261e' : '#5b6b7b',
      radius: 5,
    });
    // The kind sits inside the box, so arrows into the box never cross it.
    shapes.push({
      type: 'text',
      x: p.x + 6,
      y: p.y + 9,
      text: n.phi ? `${n.kind} · PHI` : n.kind,
      size: 6,
      color: n.phi ? '#b3261e' : '#5b6b7b',
      anchor: 'start',
    });
    const lines = wrapLabel(n.label, Math.floor((BOX_W - 12) / (FONT * CHAR_W)));
    const top = p.y + 6 + BOX_H / 2 - ((lines.length - 1) * (FONT + 2)) / 2 + FONT / 3;
    lines.forEach((l, i) =>
      shapes.push({
        type: 'text',
        x: p.x + BOX_W / 2,
        y: top + i * (FONT + 2),
        text: l,
        size: FONT,
        color: '#1b2733',
        anchor: 'middle',
        bold: i === 0,
      }),
    );
  }
  shapes.push({
    type: 'text',
    x: PAD,
    y: height - 10,
    text: 'Red outline: stores or processes PHI. Arrows: direction of flow.',
    size: 6.5,
    color: '#5b6b7b',
    anchor: 'start',
  });
  return { width, height, shapes };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A standalone SVG 1.1 file: opens in any browser and in Word. */
export function drawingToSvg(d: Drawing, title: string): string {
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${d.width}" height="${d.height}" viewBox="0 0 ${d.width} ${d.height}" font-family="DejaVu Sans, Verdana, sans-serif">`,
    `<title>${esc(title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#4a5a6a"/></marker></defs>`,
    `<rect x="0" y="0" width="${d.width}" height="${d.height}" fill="#ffffff"/>`,
  ];
  for (const s of d.shapes) {
    if (s.type === 'rect') {
      parts.push(
        `<rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" rx="${s.radius}" fill="${s.fill}" stroke="${s.stroke}" stroke-width="1.2"/>`,
      );
    } else if (s.type === 'line') {
      const pts = s.points.map(([x, y]) => `${x},${y}`).join(' ');
      parts.push(
        `<polyline points="${pts}" fill="none" stroke="${s.stroke}" stroke-width="1.2"${s.arrow ? ' marker-end="url(#arrow)"' : ''}/>`,
      );
    } else {
      parts.push(
        `<text x="${s.x}" y="${s.y}" font-size="${s.size}" fill="${s.color}" text-anchor="${s.anchor}"${s.bold ? ' font-weight="bold"' : ''}>${esc(s.text)}</text>`,
      );
    }
  }
  parts.push('</svg>', '');
  return parts.join('\n');
}
