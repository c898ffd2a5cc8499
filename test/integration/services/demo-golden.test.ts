import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoGolden, type DemoGolden } from './demo-golden';

const golden = JSON.parse(readFileSync(new URL('./demo-golden.json', import.meta.url), 'utf8')) as DemoGolden;

describe('the demo through the service modules', () => {
  it('gives the S3 and storage findings, resources and evidence hashes recorded before the move', async () => {
    const now = await demoGolden();
    expect(now.findings).toEqual(golden.findings);
    expect(now.resources).toEqual(golden.resources);
    expect(now.evidence).toEqual(golden.evidence);
  });
});
