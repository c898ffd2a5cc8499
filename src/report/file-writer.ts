/**
 * Writes package files on a worker thread. Creating 50k small evidence files costs the file
 * system ~75 µs each (3–4 s in all); on a thread of its own that time overlaps with rendering the
 * report on the main thread, which pdfkit and docx keep busy without a pause. The worker is an
 * inline script (eval), so it works the same from vitest, dist/cli.mjs and the Electron bundle.
 * `settled()` must be awaited before the folder is moved; `cancel()` before it is removed.
 */
import { Worker } from 'node:worker_threads';

/** Bytes handed over but not yet written before producers wait: bounds memory for any evidence set. */
export const BACKLOG_LIMIT = 64 * 1024 * 1024;
const BATCH_ITEMS = 256;
const BATCH_BYTES = 4 * 1024 * 1024;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeFileSync } = require('node:fs');
const cancelled = new Int32Array(workerData.cancel);
parentPort.on('message', (m) => {
  if (m.type === 'batch') {
    let bytes = 0;
    for (const item of m.items) {
      bytes += item.data.byteLength;
      if (Atomics.load(cancelled, 0) === 1) continue;
      try {
        writeFileSync(item.path, item.data);
      } catch (err) {
        parentPort.postMessage({ type: 'error', message: String(err && err.message ? err.message : err) });
        Atomics.store(cancelled, 0, 1);
      }
    }
    parentPort.postMessage({ type: 'written', bytes });
  } else if (m.type === 'flush') {
    parentPort.postMessage({ type: 'flushed' });
  }
});
`;

export class BackgroundWriter {
  private readonly cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;
  private batch: { path: string; data: Uint8Array }[] = [];
  private transfer: ArrayBuffer[] = [];
  private batchBytes = 0;
  private backlog = 0;
  private failure: Error | null = null;
  private waiters: (() => void)[] = [];
  private flushed: (() => void)[] = [];
  private ended = false;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { cancel: this.cancelFlag.buffer } });
    this.worker.on(
      'message',
      (m: { type: 'written'; bytes: number } | { type: 'error'; message: string } | { type: 'flushed' }) => {
        if (m.type === 'written') this.backlog -= m.bytes;
        else if (m.type === 'error') this.failure ??= new Error(`Writing the package failed: ${m.message}`);
        else for (const resolve of this.flushed.splice(0)) resolve();
        for (const resolve of this.waiters.splice(0)) resolve();
      },
    );
    this.worker.on('error', (err) => {
      this.failure ??= err;
      for (const resolve of [...this.waiters.splice(0), ...this.flushed.splice(0)]) resolve();
    });
  }

  write(path: string, data: Buffer): void {
    // A copy of its own, moved (not cloned) to the worker: a Buffer may be a slice of a shared
    // pool, whose whole backing store a structured clone would copy.
    const own = new Uint8Array(data.length);
    own.set(data);
    this.batch.push({ path, data: own });
    this.transfer.push(own.buffer);
    this.batchBytes += data.length;
    this.backlog += data.length;
    if (this.batch.length >= BATCH_ITEMS || this.batchBytes >= BATCH_BYTES) this.send();
  }

  private send(): void {
    if (this.batch.length === 0) return;
    this.worker.postMessage({ type: 'batch', items: this.batch }, this.transfer);
    this.batch = [];
    this.transfer = [];
    this.batchBytes = 0;
  }

  /** Waits until the bytes not yet written are below the limit; rethrows a write error. */
  async roomFor(limit = BACKLOG_LIMIT): Promise<void> {
    this.send();
    while (this.backlog > limit && this.failure === null)
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.failure) throw this.failure;
  }

  /** Resolves when every file handed over is on disk; rejects with the first write error. */
  async settled(): Promise<void> {
    this.send();
    const done = new Promise<void>((resolve) => this.flushed.push(resolve));
    this.worker.postMessage({ type: 'flush' });
    await done;
    await this.end();
    if (this.failure) throw this.failure;
  }

  /** Skips what is not yet written and waits for the worker to stop, so the folder can be removed. */
  async cancel(): Promise<void> {
    Atomics.store(this.cancelFlag, 0, 1);
    this.batch = [];
    this.transfer = [];
    await this.end();
  }

  private async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.worker.terminate();
  }
}
