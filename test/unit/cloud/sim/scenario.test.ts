import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPath, loadScenario } from '../../../../src/cloud/sim';
import { DeskError } from '../../../../src/errors';

const bucket = (name: string, region = 'us-east-1') => ({ name, region });
const base = () => ({
  name: 'fixture',
  description: 'three buckets',
  aws: {
    accounts: [
      {
        accountId: '111122223333',
        label: 'prod',
        regions: ['us-east-1', 'us-west-2'],
        buckets: [bucket('a-bucket'), bucket('b-bucket'), bucket('c-bucket')],
      },
    ],
  },
});

function writeScenario(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'phi-scenario-')), 'northwind.json');
  writeFileSync(path, content);
  return path;
}

function refusal(load: () => unknown): DeskError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).code).toBe('BAD_INPUT');
    return error as DeskError;
  }
  throw new Error('the scenario was accepted');
}

describe('loadScenario', () => {
  it('refuses a bad field with the file name and the JSON path of the field', () => {
    const bad = base();
    bad.aws.accounts[0]!.buckets[2]!.region = 'US East';
    const error = refusal(() => loadScenario(writeScenario(JSON.stringify(bad))));
    expect(error.message).toContain(
      'northwind.json: aws.accounts[0].buckets[2].region: must be an AWS region name such as us-east-1',
    );
  });

  it('refuses a bucket in a region its account does not have, naming the field', () => {
    const bad = base();
    bad.aws.accounts[0]!.buckets[1]!.region = 'eu-west-1';
    expect(refusal(() => loadScenario(bad, 'inline.json')).message).toContain(
      "inline.json: aws.accounts[0].buckets[1].region: eu-west-1 is not one of the account's regions",
    );
  });

  it('refuses unknown keys (a typo must not silently become "not configured")', () => {
    const bad = base() as { aws: { accounts: { buckets: Record<string, unknown>[] }[] } };
    bad.aws.accounts[0]!.buckets[0]!.encrpytion = { algorithm: 'AES256' };
    expect(refusal(() => loadScenario(bad)).message).toContain(
      'aws.accounts[0].buckets[0]: Unrecognized key: "encrpytion"',
    );
  });

  it('refuses duplicate bucket names across accounts', () => {
    const bad = base();
    bad.aws.accounts.push({
      accountId: '444455556666',
      label: 'other',
      regions: ['us-east-1'],
      buckets: [bucket('a-bucket')],
    });
    expect(refusal(() => loadScenario(bad)).message).toContain(
      'aws.accounts[1].buckets[0].name: bucket name a-bucket is already used at aws.accounts[0].buckets[0]',
    );
  });

  it('refuses a latency fault without ms, and a file that is not JSON', () => {
    expect(
      refusal(() => loadScenario({ ...base(), faults: [{ provider: 'aws', kind: 'latency' }] })).message,
    ).toContain('faults[0].ms: a latency fault needs ms');
    expect(refusal(() => loadScenario(writeScenario('{ "name": '))).message).toMatch(
      /^northwind\.json is not valid JSON/,
    );
    expect(refusal(() => loadScenario('/nonexistent/scenario.json')).message).toMatch(
      /^Cannot read scenario file/,
    );
  });

  it('fills defaults: an absent setting is "not configured"', () => {
    const scenario = loadScenario(base());
    expect(scenario.aws.accounts[0]!.buckets[0]).toMatchObject({
      encryption: null,
      policy: null,
      publicAccessBlock: null,
      logging: null,
      replication: null,
      tags: {},
    });
    expect(scenario.faults).toEqual([]);
    expect(scenario.azure.subscriptions).toEqual([]);
  });

  it('formats paths the way the messages show them', () => {
    expect(formatPath(['aws', 'accounts', 0, 'buckets', 2, 'region'])).toBe(
      'aws.accounts[0].buckets[2].region',
    );
    expect(formatPath([])).toBe('(top level)');
  });
});
