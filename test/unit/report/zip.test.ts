import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { ZipWriter } from '../../../src/report/zip';
import { useTempDir } from '../../support/temp';

const tempDir = useTempDir('phi-report-zip-');

function entries(buf: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.on('entry', (e: yauzl.Entry) =>
        zip.openReadStream(e, (er, s) => {
          if (er || !s) return reject(er);
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            out.set(e.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        }),
      );
      zip.readEntry();
    });
  });
}

describe('ZipWriter', () => {
  it('writes deflated and stored entries under a prefix, readable by yauzl and Python’s zipfile', async () => {
    const zip = ZipWriter.toMemory({ prefix: 'pkg', mtime: new Date('2025-11-20T14:03:00Z') });
    const json = Buffer.from(
      JSON.stringify({ Buckets: Array.from({ length: 50 }, (_, i) => ({ Name: `b${i}` })) }),
    );
    const random = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 97) % 256));
    zip.add('evidence/1-s3-ListBuckets.json', json);
    zip.add('report.docx', random);
    zip.add('diagrams/flow-ü.svg', Buffer.from('<svg/>'));
    const buf = zip.finishToBuffer();
    const got = await entries(buf);
    expect([...got.keys()]).toEqual([
      'pkg/evidence/1-s3-ListBuckets.json',
      'pkg/report.docx',
      'pkg/diagrams/flow-ü.svg',
    ]);
    expect(got.get('pkg/evidence/1-s3-ListBuckets.json')).toEqual(json);
    expect(got.get('pkg/report.docx')).toEqual(random);
    const file = join(tempDir(), 'a.zip');
    writeFileSync(file, buf);
    const py = spawnSync(
      'python3',
      [
        '-c',
        'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(len(z.namelist()))',
        file,
      ],
      { encoding: 'utf8' },
    );
    if (py.error) return; // no Python here: yauzl's reading above is the check
    expect(py.stdout.trim()).toBe('3');
  });

  it('switches to ZIP64 records past 65,535 entries', async () => {
    const zip = ZipWriter.toMemory();
    const one = Buffer.from('x');
    for (let i = 0; i < 70_000; i++) zip.add(`e/${i}`, one);
    const got = await entries(zip.finishToBuffer());
    expect(got.size).toBe(70_000);
    expect(got.get('e/69999')?.toString()).toBe('x');
  });
});
