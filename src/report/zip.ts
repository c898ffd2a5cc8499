/**
 * A streaming ZIP writer. The package .zip is written while the folder is: each file goes in from
 * the buffer just handed to the folder (no second read of 50k files), under one top-level folder
 * named like the package; render-docx.ts also uses it in memory. Our own rather than yazl: yazl
 * starts one asynchronous zlib stream per buffer at once, which for 50k evidence files took over a gigabyte; here each entry is
 * deflated synchronously and appended, so memory stays flat. ZIP64 records are written when the
 * entry count or offsets need them (APPNOTE 6.3.x, sections 4.3.14–4.3.16, 4.5.3).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

const FLUSH_AT = 1 << 20;
const UTF8_FLAG = 0x0800;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

interface CentralEntry {
  name: Buffer;
  crc: number;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((Math.max(1980, d.getUTCFullYear()) - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

export class ZipWriter {
  private readonly entries: CentralEntry[] = [];
  private readonly stamp: { time: number; date: number };
  private readonly prefix: string;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private offset = 0;
  private closed = false;

  private constructor(
    private readonly sink: (chunk: Buffer) => void,
    private readonly onClose: () => void,
    opts: { prefix?: string; mtime?: Date },
  ) {
    this.prefix = opts.prefix ? `${opts.prefix}/` : '';
    this.stamp = dosDateTime(opts.mtime ?? new Date());
  }

  /** A zip file on disk; every entry under `prefix/`. */
  static toFile(zipPath: string, opts: { prefix?: string; mtime?: Date } = {}): ZipWriter {
    const fd = openSync(zipPath, 'w');
    return new ZipWriter(
      (chunk) => {
        for (let done = 0; done < chunk.length;) done += writeSync(fd, chunk, done, chunk.length - done);
      },
      () => closeSync(fd),
      opts,
    );
  }

  /** A zip built in memory (small archives: the DOCX). */
  static toMemory(opts: { prefix?: string; mtime?: Date } = {}): ZipWriter & { chunks: Buffer[] } {
    const chunks: Buffer[] = [];
    const zip = new ZipWriter(
      (chunk) => chunks.push(chunk),
      () => undefined,
      opts,
    );
    return Object.assign(zip, { chunks });
  }

  private write(buf: Buffer): void {
    this.pending.push(buf);
    this.pendingBytes += buf.length;
    this.offset += buf.length;
    if (this.pendingBytes >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    this.sink(Buffer.concat(this.pending, this.pendingBytes));
    this.pending = [];
    this.pendingBytes = 0;
  }

  add(path: string, data: Buffer): void {
    const name = Buffer.from(`${this.prefix}${path}`, 'utf8');
    const deflated = deflateRawSync(data);
    // Already-compressed content (the DOCX) is stored rather than made larger.
    const method = deflated.length < data.length ? 8 : 0;
    const body = method === 8 ? deflated : data;
    const entry: CentralEntry = {
      name,
      crc: crc32(data) >>> 0,
      method,
      compressedSize: body.length,
      size: data.length,
      offset: this.offset,
    };
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(UTF8_FLAG, 6);
    h.writeUInt16LE(method, 8);
    h.writeUInt16LE(this.stamp.time, 10);
    h.writeUInt16LE(this.stamp.date, 12);
    h.writeUInt32LE(entry.crc, 14);
    h.writeUInt32LE(body.length, 18);
    h.writeUInt32LE(data.length, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(0, 28);
    this.write(h);
    this.write(name);
    this.write(body);
    this.entries.push(entry);
  }

  private centralHeader(e: CentralEntry): Buffer[] {
    const zip64Offset = e.offset >= MAX32;
    const extra = zip64Offset ? Buffer.alloc(12) : Buffer.alloc(0);
    if (zip64Offset) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(e.offset), 4);
    }
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE(0x031e, 4); // made by: Unix, spec 3.0
    h.writeUInt16LE(zip64Offset ? 45 : 20, 6);
    h.writeUInt16LE(UTF8_FLAG, 8);
    h.writeUInt16LE(e.method, 10);
    h.writeUInt16LE(this.stamp.time, 12);
    h.writeUInt16LE(this.stamp.date, 14);
    h.writeUInt32LE(e.crc, 16);
    h.writeUInt32LE(e.compressedSize, 20);
    h.writeUInt32LE(e.size, 24);
    h.writeUInt16LE(e.name.length, 28);
    h.writeUInt16LE(extra.length, 30);
    h.writeUInt32LE((0o100644 << 16) >>> 0, 38); // regular file, rw-r--r--
    h.writeUInt32LE(zip64Offset ? MAX32 : e.offset, 42);
    return [h, e.name, extra];
  }

  /** Writes the central directory and closes the file. */
  finish(): void {
    this.writeCentralDirectory();
  }

  /** For an in-memory zip: the whole archive. */
  finishToBuffer(this: ZipWriter & { chunks: Buffer[] }): Buffer {
    this.writeCentralDirectory();
    return Buffer.concat(this.chunks);
  }

  private writeCentralDirectory(): void {
    const cdStart = this.offset;
    for (const e of this.entries) for (const b of this.centralHeader(e)) this.write(b);
    const cdSize = this.offset - cdStart;
    const count = this.entries.length;
    if (count >= MAX16 || cdStart >= MAX32 || cdSize >= MAX32) {
      const z64 = Buffer.alloc(56);
      const at = this.offset;
      z64.writeUInt32LE(0x06064b50, 0);
      z64.writeBigUInt64LE(44n, 4);
      z64.writeUInt16LE(0x031e, 12);
      z64.writeUInt16LE(45, 14);
      z64.writeBigUInt64LE(BigInt(count), 24);
      z64.writeBigUInt64LE(BigInt(count), 32);
      z64.writeBigUInt64LE(BigInt(cdSize), 40);
      z64.writeBigUInt64LE(BigInt(cdStart), 48);
      this.write(z64);
      const loc = Buffer.alloc(20);
      loc.writeUInt32LE(0x07064b50, 0);
      loc.writeBigUInt64LE(BigInt(at), 8);
      loc.writeUInt32LE(1, 16);
      this.write(loc);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(count, MAX16), 8);
    end.writeUInt16LE(Math.min(count, MAX16), 10);
    end.writeUInt32LE(Math.min(cdSize, MAX32), 12);
    end.writeUInt32LE(Math.min(cdStart, MAX32), 16);
    this.write(end);
    this.flush();
    this.close();
  }

  /** Closes the file; the caller removes the partial zip with its temporary folder. */
  abort(): void {
    this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
  }
}
