import { readFileSync, writeFileSync } from 'node:fs';
import yauzl from 'yauzl';
import { hasCommand, makeOpensslP12, run } from '../../support/certificates';

export { hasCommand, makeOpensslP12, run };

/** Flips one byte in the middle of a file. */
export function flipByte(path: string, at?: number): void {
  const data = readFileSync(path);
  const i = at ?? Math.floor(data.length / 2);
  data[i] = data[i]! ^ 0x01;
  writeFileSync(path, data);
}

/** Entries of a zip, with the content of the ones asked for. */
export function readZip(
  path: string,
  want: (name: string) => boolean,
): Promise<{ names: string[]; contents: Map<string, Buffer> }> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const names: string[] = [];
      const contents = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve({ names, contents }));
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        if (!want(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            contents.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
