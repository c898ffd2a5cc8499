import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../../src/workspace/workspace';
import { ensureBuiltCli, runCli } from '../../support/cli';
import { useTempDir } from '../../support/temp';

const tmp = useTempDir('phi-clouds-cli-');
const SUBSCRIPTION = '7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b';

beforeAll(() => ensureBuiltCli(), 120_000);

function workspace(): string {
  const file = join(tmp(), 'client.phiaudit');
  expect(runCli(['init', file, '--client', 'Northwind Vitals']).status).toBe(0);
  return file;
}

function targetsOf(file: string) {
  const ws = Workspace.open(file, 'test');
  try {
    return ws.db.prepare('SELECT cloud, auth FROM target').all() as { cloud: string; auth: string }[];
  } finally {
    ws.close();
  }
}

describe('assess --azure-cloud (the built CLI)', () => {
  it('refuses a misspelled cloud instead of assessing the public one, and records nothing', () => {
    const file = workspace();
    const r = runCli(['assess', file, '--azure-subscription', SUBSCRIPTION, '--azure-cloud', 'AzurCloud']);
    expect(r.status).toBe(4);
    expect(r.stderr).toContain(
      '--azure-cloud: expected one of AzureCloud, AzureUSGovernment, AzureChinaCloud, custom, not "AzurCloud"',
    );
    expect(targetsOf(file)).toEqual([]);
  });

  it('a custom cloud needs its endpoints; a national cloud takes none', () => {
    const file = workspace();
    const custom = runCli(['assess', file, '--azure-subscription', SUBSCRIPTION, '--azure-cloud', 'custom']);
    expect(custom.status).toBe(4);
    expect(custom.stderr).toMatch(/needs --azure-arm-endpoint and --azure-authority-host/);
    const national = runCli([
      'assess',
      file,
      '--azure-subscription',
      SUBSCRIPTION,
      '--azure-cloud',
      'AzureUSGovernment',
      '--azure-arm-endpoint',
      'https://arm.example',
    ]);
    expect(national.status).toBe(4);
    expect(national.stderr).toMatch(/are for --azure-cloud custom/);
  });

  it('reaches a custom endpoint: the target records it, and an unreachable authority is reported as such', () => {
    const file = workspace();
    const r = runCli(
      [
        'assess',
        file,
        '--azure-subscription',
        SUBSCRIPTION,
        '--azure-cloud',
        'custom',
        '--azure-arm-endpoint',
        'https://127.0.0.1:9/',
        '--azure-authority-host',
        'https://127.0.0.1:9',
        '--azure-tenant',
        'adfs',
        '--azure-auth',
        'client-secret',
        '--progress',
        'none',
      ],
      {
        env: {
          ...process.env,
          AZURE_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
          AZURE_CLIENT_SECRET: 'not-a-real-secret',
        },
      },
    );
    expect(r.status).toBe(6);
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('could not reach the sign-in authority https://127.0.0.1:9');
    expect(out).not.toMatch(/set AZURE_CLIENT_SECRET/);
    expect(`${r.stdout}${r.stderr}`).not.toContain('not-a-real-secret');
    const [target] = targetsOf(file);
    expect(target?.cloud).toBe('custom');
    expect(JSON.parse(target!.auth)).toMatchObject({
      armEndpoint: 'https://127.0.0.1:9/',
      authorityHost: 'https://127.0.0.1:9',
    });
  }, 60_000);
});
