import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Format from '../../../../renderer/src/components/format';

// Imported after the time zone is set (below): the module builds its formatters when it loads.
let f: typeof Format;

// A user west of UTC: the case where a calendar date formatted in local time shows the day before.
beforeAll(async () => {
  vi.stubEnv('TZ', 'America/New_York');
  vi.resetModules();
  f = await import('../../../../renderer/src/components/format');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('calendar dates', () => {
  it('show the engagement period’s own day, not the day before, west of UTC', () => {
    const shown = f.formatCalendarDate('2025-01-01');
    const inLocalTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(
      new Date('2025-01-01T00:00:00Z'),
    );
    expect(inLocalTime).toContain('2024'); // the trap: midnight UTC is Dec 31 in New York
    expect(shown).toContain('2025');
    expect(shown).not.toContain('2024');
    expect(shown).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        Date.UTC(2025, 0, 1),
      ),
    );
  });

  it('join into a period with an en dash', () => {
    expect(f.formatPeriod('2025-01-01', '2025-12-31')).toBe(
      `${f.formatCalendarDate('2025-01-01')} – ${f.formatCalendarDate('2025-12-31')}`,
    );
  });

  it('show a value that is not a date as it is, rather than "Invalid Date"', () => {
    expect(f.formatCalendarDate('2025-13-45')).toBe('2025-13-45');
    expect(f.formatCalendarDate('')).toBe('');
  });
});

describe('timestamps', () => {
  it('show the user’s local time; the short form drops the seconds', () => {
    // 15:06:07 UTC is 10:06:07 in New York (EST).
    const full = f.formatDateTime('2025-03-04T15:06:07Z');
    const short = f.formatShortDateTime('2025-03-04T15:06:07Z');
    expect(full).toContain('10:06:07');
    expect(short).toContain('10:06');
    expect(short).not.toContain(':07');
  });

  it('show a value that is not a timestamp as it is', () => {
    expect(f.formatDateTime('not yet')).toBe('not yet');
    expect(f.formatShortDateTime('')).toBe('');
  });
});

describe('formatDuration', () => {
  const at = (ms: number) => new Date(Date.UTC(2025, 0, 1) + ms).toISOString();
  const start = at(0);

  it('reads at the scale of the run', () => {
    expect(f.formatDuration(start, at(850))).toBe('850 ms');
    expect(f.formatDuration(start, at(42_000))).toBe('42 s');
    expect(f.formatDuration(start, at(59_600))).toBe('1 min 00 s');
    expect(f.formatDuration(start, at(185_000))).toBe('3 min 05 s');
    expect(f.formatDuration(start, at(3_840_000))).toBe('1 h 04 min');
  });

  it('shows a dash for an end before the start or a time it cannot read', () => {
    expect(f.formatDuration(at(5000), start)).toBe('—');
    expect(f.formatDuration(start, 'still running')).toBe('—');
  });
});

describe('formatBytes', () => {
  it('uses the largest unit that keeps the number readable', () => {
    expect(f.formatBytes(0)).toBe('0 B');
    expect(f.formatBytes(1023)).toBe('1023 B');
    expect(f.formatBytes(1536)).toBe('1.5 KB');
    expect(f.formatBytes(250 * 1024)).toBe('250 KB');
    expect(f.formatBytes(3.25 * 1024 * 1024)).toBe('3.3 MB');
    expect(f.formatBytes(5 * 1024 ** 5)).toBe('5120 TB');
  });
});

describe('shortHash', () => {
  it('keeps the start and end of a long hash, enough to compare by eye', () => {
    const sha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(f.shortHash(sha)).toBe('e3b0c44298fc…b855');
  });

  it('leaves a short value whole', () => {
    expect(f.shortHash('abc123')).toBe('abc123');
    expect(f.shortHash('0123456789abcdef')).toBe('0123456789abcdef');
  });
});

describe('formatCount', () => {
  it('groups digits as the user’s locale does', () => {
    expect(f.formatCount(1_234_567)).toBe((1_234_567).toLocaleString());
    expect(f.formatCount(7)).toBe('7');
  });
});
