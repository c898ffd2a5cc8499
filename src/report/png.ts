/**
 * Rasterizes a diagram's boxes and arrows to PNG. Word requires a bitmap fallback beside every SVG
 * image (for processors that cannot draw SVG); the SVG itself carries the labels, and the flow
 * inventory table beside each figure names every node and edge, so the fallback draws shapes only.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Drawing } from './diagram';

type Rgb = [number, number, number];

function parseColor(hex: string): Rgb {
  const h = hex.replace('#', '');
  return [
    Number.parseInt(h.slice(0, 2), 16),
    Number.parseInt(h.slice(2, 4), 16),
    Number.parseInt(h.slice(4, 6), 16),
  ];
}

class Canvas {
  readonly px: Uint8Array;
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.px = new Uint8Array(w * h * 3).fill(255);
  }

  blend(x: number, y: number, c: Rgb, alpha: number): void {
    if (x < 0 || y < 0 || x >= this.w || y >= this.h || alpha <= 0) return;
    const a = Math.min(1, alpha);
    const i = (y * this.w + x) * 3;
    for (let k = 0; k < 3; k++) this.px[i + k] = Math.round(this.px[i + k]! * (1 - a) + c[k]! * a);
  }

  fillRect(x0: number, y0: number, x1: number, y1: number, c: Rgb): void {
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(this.h, Math.ceil(y1)); y++)
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(this.w, Math.ceil(x1)); x++)
        this.blend(x, y, c, 1);
  }

  /** Anti-aliased thick segment: coverage from the distance of each pixel centre to the segment. */
  segment(ax: number, ay: number, bx: number, by: number, width: number, c: Rgb): void {
    const half = width / 2;
    const minX = Math.floor(Math.min(ax, bx) - half - 1);
    const maxX = Math.ceil(Math.max(ax, bx) + half + 1);
    const minY = Math.floor(Math.min(ay, by) - half - 1);
    const maxY = Math.ceil(Math.max(ay, by) + half + 1);
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy || 1;
    for (let y = minY; y <= maxY; y++) {
      for (let x = minX; x <= maxX; x++) {
        const px = x + 0.5;
        const py = y + 0.5;
        const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        const d = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
        this.blend(x, y, c, half + 0.5 - d);
      }
    }
  }

  triangle(p: [number, number][], c: Rgb): void {
    const [a, b, d] = p as [[number, number], [number, number], [number, number]];
    const minX = Math.floor(Math.min(a[0], b[0], d[0]));
    const maxX = Math.ceil(Math.max(a[0], b[0], d[0]));
    const minY = Math.floor(Math.min(a[1], b[1], d[1]));
    const maxY = Math.ceil(Math.max(a[1], b[1], d[1]));
    const edge = (p0: [number, number], p1: [number, number], x: number, y: number) =>
      (p1[0] - p0[0]) * (y - p0[1]) - (p1[1] - p0[1]) * (x - p0[0]);
    const area = edge(a, b, d[0], d[1]);
    for (let y = minY; y <= maxY; y++)
      for (let x = minX; x <= maxX; x++) {
        const w0 = edge(b, d, x + 0.5, y + 0.5) / area;
        const w1 = edge(d, a, x + 0.5, y + 0.5) / area;
        const w2 = edge(a, b, x + 0.5, y + 0.5) / area;
        if (w0 >= 0 && w1 >= 0 && w2 >= 0) this.blend(x, y, c, 1);
      }
  }
}

function encodePng(canvas: Canvas): Buffer {
  const raw = Buffer.alloc((canvas.w * 3 + 1) * canvas.h);
  for (let y = 0; y < canvas.h; y++) {
    raw[y * (canvas.w * 3 + 1)] = 0; // filter: none
    Buffer.from(canvas.px.buffer, y * canvas.w * 3, canvas.w * 3).copy(raw, y * (canvas.w * 3 + 1) + 1);
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(canvas.w, 0);
  ihdr.writeUInt32BE(canvas.h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function drawingToPng(d: Drawing, scale = 2): Buffer {
  const canvas = new Canvas(Math.ceil(d.width * scale), Math.ceil(d.height * scale));
  for (const s of d.shapes) {
    if (s.type === 'rect') {
      const [x0, y0, x1, y1] = [s.x * scale, s.y * scale, (s.x + s.w) * scale, (s.y + s.h) * scale];
      canvas.fillRect(x0, y0, x1, y1, parseColor(s.fill));
      const c = parseColor(s.stroke);
      const lw = 1.2 * scale;
      canvas.segment(x0, y0, x1, y0, lw, c);
      canvas.segment(x1, y0, x1, y1, lw, c);
      canvas.segment(x1, y1, x0, y1, lw, c);
      canvas.segment(x0, y1, x0, y0, lw, c);
    } else if (s.type === 'line') {
      const c = parseColor(s.stroke);
      const pts = s.points.map(([x, y]) => [x * scale, y * scale] as [number, number]);
      for (let i = 1; i < pts.length; i++)
        canvas.segment(pts[i - 1]![0], pts[i - 1]![1], pts[i]![0], pts[i]![1], 1.2 * scale, c);
      if (s.arrow && pts.length >= 2)
        canvas.triangle(arrowHead(pts[pts.length - 2]!, pts[pts.length - 1]!, 6 * scale), c);
    }
  }
  return encodePng(canvas);
}

/** The three corners of an arrow head ending at `tip`, pointing away from `from`. */
export function arrowHead(from: [number, number], tip: [number, number], size: number): [number, number][] {
  const ang = Math.atan2(tip[1] - from[1], tip[0] - from[0]);
  const spread = Math.PI / 7;
  return [
    tip,
    [tip[0] - size * Math.cos(ang - spread), tip[1] - size * Math.sin(ang - spread)],
    [tip[0] - size * Math.cos(ang + spread), tip[1] - size * Math.sin(ang + spread)],
  ];
}
