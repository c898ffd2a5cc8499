import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoScenario } from '../../../src/cloud/sim';
import { Workspace } from '../../../src/workspace/workspace';
import { ensureBuiltCli, runCli } from '../../support/cli';
import { useTempDir } from '../../support/temp';

const tmp = useTempDir('phi-aws-org-cli-');

beforeAll(() => ensureBuiltCli(), 120_000);

function setup(mutate: (scenario: ReturnType<typeof demoScenario>) => void = () => undefined) {
  const dir = tmp();
  const file = join(dir, 'client.phiaudit');
  expect(
    runCli(['init', file, '--client', 'Northwind Vitals', '--approved-regions', 'us-east-1,us-west-2'])
      .status,
  ).toBe(0);
  const scenario = structuredClone(demoScenario());
  // Two accounts a page: the listing must follow NextToken.
  scenario.simulation.awsPageSize = 2;
  mutate(scenario);
  const path = join(dir, 'scenario.json');
  writeFileSync(path, JSON.stringify(scenario));
  return { file, path };
}

function evidenceOf(file: string, operation: string) {
  const ws = Workspace.open(file, 'test');
  try {
    return ws.db
      .prepare('SELECT scope_id AS scopeId, outcome, request FROM evidence WHERE operation = ? ORDER BY id')
      .all(operation) as { scopeId: string; outcome: string; request: string }[];
  } finally {
    ws.close();
  }
}

describe('assess --aws-org (the built CLI against the simulated organization)', () => {
  it('lists the accounts page by page, enters the ACTIVE ones, names the suspended one and the one it could not enter', () => {
    const { file, path } = setup();
    const r = runCli([
      'assess',
      file,
      '--scenario',
      path,
      '--aws-org',
      '--progress',
      'none',
      '--fail-on',
      'none',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'AWS Organization o-nwv4x7k2p9 (management account 345678901234): 4 accounts listed, 3 ACTIVE entered, 1 skipped: 456789012345 Northwind Vitals sandbox (closed) (SUSPENDED).',
    );
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toMatch(/Run #1 partial .*: 3\/4 targets/);
    expect(out).toContain(
      'NOT signed in AWS sign-in for "Northwind Vitals data science (AWS Organization o-nwv4x7k2p9)"',
    );
    expect(out).toMatch(
      /not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::567890123456:role/,
    );
    // Both member accounts of the scenario were assessed through the organization.
    expect(out).toContain(
      'Northwind Vitals prod (AWS Organization o-nwv4x7k2p9) (210987654321) Signed in as',
    );
    const pages = evidenceOf(file, 'ListAccounts');
    expect(pages.map((p) => [p.scopeId, p.outcome])).toEqual([
      ['345678901234', 'ok'],
      ['345678901234', 'ok'],
    ]);
    expect(JSON.parse(pages[1]!.request)).toMatchObject({ NextToken: '2' });
  });

  it('a management account that may not list the accounts is assessed alone, with a coverage gap naming ListAccounts', () => {
    const { file, path } = setup((scenario) => {
      scenario.faults = [
        { provider: 'aws', service: 'organizations', operation: 'ListAccounts', kind: 'access_denied' },
      ];
    });
    const r = runCli([
      'assess',
      file,
      '--scenario',
      path,
      '--aws-org',
      '--progress',
      'none',
      '--fail-on',
      'none',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toMatch(
      /AWS Organization o-nwv4x7k2p9: the accounts could not be listed \(AccessDeniedException: /,
    );
    expect(out).toMatch(/Run #1 partial .*: 2\/2 targets/);
    expect(out).toMatch(/access_denied\s+345678901234\s+organizations\s+ListAccounts/);
    expect(evidenceOf(file, 'ListAccounts').map((p) => p.outcome)).toEqual(['error']);
  });

  it('refuses --aws-org with an account or role of its own', () => {
    const { file } = setup();
    const r = runCli(['assess', file, '--aws-org', '--aws-account', '210987654321']);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/--aws-org finds the accounts itself/);
  });
});

describe('assess --azure-all-subscriptions (the built CLI against the simulated tenant)', () => {
  it('lists the subscriptions the sign-in sees, assesses the enabled ones and names the disabled one', () => {
    const { file, path } = setup((scenario) => {
      const [first] = scenario.azure.subscriptions;
      scenario.azure.subscriptions.push({
        subscriptionId: '9d2e7a41-3c5b-4f6d-8e9a-1b2c3d4e5f60',
        tenantId: first!.tenantId,
        label: 'Northwind Vitals legacy (disabled)',
        displayName: 'nwv-legacy',
        state: 'Disabled',
      } as (typeof scenario.azure.subscriptions)[number]);
      scenario.simulation.azurePageSize = 1;
    });
    const r = runCli([
      'assess',
      file,
      '--scenario',
      path,
      '--azure-all-subscriptions',
      '--progress',
      'none',
      '--fail-on',
      'none',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'Azure, all subscriptions: 2 subscriptions listed, 1 entered, 1 skipped: 9d2e7a41-3c5b-4f6d-8e9a-1b2c3d4e5f60 nwv-legacy (Disabled).',
    );
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(
      'AZURE nwv-production (all subscriptions) (7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b) Signed in as',
    );
    // One page per subscription: the listing followed nextLink, and each page is evidence.
    expect(evidenceOf(file, 'Subscriptions_List').map((p) => p.outcome)).toEqual(['ok', 'ok']);
  });
});
