import { describe, expect, it } from 'vitest';
import { drawingToSvg, layoutFlow, wrapLabel } from '../../../src/report/diagram';
import { drawingToPng } from '../../../src/report/png';

const nodes = [
  { id: 1, kind: 'actor', label: 'Customer browser', phi: false },
  { id: 2, kind: 'service', label: 'Orders API', phi: true },
  { id: 3, kind: 'datastore', label: 'patient-records-prod', phi: true },
];
const edges = [
  { source: 1, target: 2, label: 'HTTPS' },
  { source: 2, target: 3, label: 'PutObject' },
  { source: 3, target: 1, label: 'download link' },
];

describe('PHI-flow diagram', () => {
  it('lays out each node once, layers left to right, and survives a cycle', () => {
    const d = layoutFlow(nodes, edges);
    const rects = d.shapes.filter((s) => s.type === 'rect');
    expect(rects).toHaveLength(3);
    const xs = rects.map((r) => (r.type === 'rect' ? r.x : 0));
    expect(xs[0]).toBeLessThan(xs[1]!);
    expect(xs[1]).toBeLessThan(xs[2]!);
    expect(d.shapes.filter((s) => s.type === 'line')).toHaveLength(3);
  });

  it('switches to top-to-bottom for long flows so they stay legible', () => {
    const chain = Array.from({ length: 5 }, (_, i) => ({
      id: i + 1,
      kind: 'service',
      label: `step ${i + 1}`,
      phi: false,
    }));
    const d = layoutFlow(
      chain,
      chain.slice(1).map((n) => ({ source: n.id - 1, target: n.id, label: '' })),
    );
    expect(d.height).toBeGreaterThan(d.width);
  });

  it('is deterministic and escapes labels in the SVG', () => {
    const svg = drawingToSvg(
      layoutFlow([{ id: 1, kind: 'service', label: 'A & B <C>', phi: false }], []),
      'Flow "x"',
    );
    expect(svg).toBe(
      drawingToSvg(layoutFlow([{ id: 1, kind: 'service', label: 'A & B <C>', phi: false }], []), 'Flow "x"'),
    );
    expect(svg).toContain('A &amp; B &lt;C&gt;');
    expect(svg).toMatch(/^<\?xml[^>]+>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });

  it('rasterizes to a PNG of the drawing size', () => {
    const d = layoutFlow(nodes, edges);
    const png = drawingToPng(d, 2);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(Math.ceil(d.width * 2));
    expect(png.readUInt32BE(20)).toBe(Math.ceil(d.height * 2));
  });

  it('wraps labels to two lines with an ellipsis', () => {
    expect(wrapLabel('a very long component name that goes on', 12)).toEqual(['a very long', 'component…']);
  });
});
