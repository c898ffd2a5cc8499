import { EFSServiceException } from '@aws-sdk/client-efs';
import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import type { ScenarioBase } from '../../../kit';
import type { EfsFileSystemProperties } from './resource';
import { efsSim } from './sim';
import { efs } from '.';

const prod = '210987654321';
type Run = Awaited<ReturnType<typeof collectService>>;
const props = (run: Run, name: string) => {
  const found = run.resources.find((each) => each.name === name);
  if (!found) throw new Error(`no file system ${name}`);
  return found.properties as EfsFileSystemProperties;
};

describe('the EFS collector against the simulated EFS', () => {
  it('reads encryption and the backup policy; PolicyNotFound is "no policy", not a gap', async () => {
    const scenario = serviceScenario(efs);
    const run = await collectService(efs, scenario);
    expect(run.gaps).toEqual([]);
    expect(props(run, 'nwv-telehealth-attachments')).toMatchObject({
      encrypted: true,
      backupPolicy: 'ENABLED',
    });
    expect(props(run, 'nwv-intake-scans-legacy')).toMatchObject({
      encrypted: false,
      kmsKeyId: null,
      backupPolicy: 'NONE',
    });
    expect(props(run, 'nwv-storefront-media')).toMatchObject({
      backupPolicy: 'DISABLED',
      availabilityZone: 'us-west-2a',
    });
    const results = judge(efs, scenario, run.resources);
    const arn = (id: string, region = 'us-east-1') =>
      `arn:aws:elasticfilesystem:${region}:${prod}:file-system/${id}`;
    expect(results.get(`aws.efs.encryption-at-rest|${arn('fs-0b2c3d4e5f6071829')}`)?.status).toBe('fail');
    expect(results.get(`aws.efs.automatic-backups|${arn('fs-0b2c3d4e5f6071829')}`)?.status).toBe('fail');
    expect(results.get(`aws.efs.encryption-at-rest|${arn('fs-0a1b2c3d4e5f60718')}`)?.status).toBe('pass');
    expect(results.get(`aws.efs.automatic-backups|${arn('fs-0a1b2c3d4e5f60718')}`)?.status).toBe('pass');
  });

  it('pages DescribeFileSystems with Marker / NextMarker', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(efs),
      simulation: { awsPageSize: 1, azurePageSize: 1000 },
    };
    const run = await collectService(efs, scenario);
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(3);
    const pages = run.evidence.filter(
      (each) => each.operation === 'DescribeFileSystems' && each.region === 'us-east-1',
    );
    // prod us-east-1 holds two file systems (two pages), shared us-east-1 none (one empty page).
    expect(pages.map((each) => typeof (each.request as { Marker?: string }).Marker)).toEqual([
      'undefined',
      'string',
      'undefined',
    ]);
  });

  it('answers FileSystemNotFound for an unknown id (what the collector drops as deleted since listing)', () => {
    const scenario = serviceScenario(efs);
    // The simulator's answer for an unknown id, as the collector would get it after a deletion:
    const call = {
      account: scenario.aws.accounts[0] as Parameters<
        (typeof efsSim.answers)['DescribeBackupPolicy']
      >[0]['account'],
      organisation: {},
      scenario,
      region: 'us-east-1',
      input: { FileSystemId: 'fs-00000000000000000' },
      state: undefined,
      error: efsSim.error,
      pageSize: 100,
    };
    let error: unknown;
    try {
      efsSim.answers.DescribeBackupPolicy!(call);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EFSServiceException);
    expect(error).toMatchObject({ name: 'FileSystemNotFound', $metadata: { httpStatusCode: 404 } });
  });

  it('AccessDenied on DescribeBackupPolicy leaves the policy unknown and names the file system', async () => {
    const run = await collectService(
      efs,
      serviceScenario(efs, [
        { provider: 'aws', service: 'efs', operation: 'DescribeBackupPolicy', kind: 'access_denied' },
      ]),
    );
    expect(props(run, 'nwv-intake-scans-legacy').backupPolicy).toBeUndefined();
    expect(run.gaps.map((gap) => gap.message)).toContainEqual(
      expect.stringContaining(
        'DescribeBackupPolicy for nwv-intake-scans-legacy (fs-0b2c3d4e5f6071829) in us-east-1',
      ),
    );
  });

  it('names a bad scenario field by its path and generates file systems', async () => {
    const registry = serviceRegistry(efs);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { efsFileSystems: Record<string, unknown>[] }[] };
    };
    scenario.aws.accounts[0]!.efsFileSystems[0] = { id: 'fs-1', region: 'us-east-1' };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.efsFileSystems\[0\]\.id: must be a file system id/,
    );
    const generated = registry.generateScenario({
      awsAccounts: 1,
      regions: 2,
      perRegion: 6,
      azureSubscriptions: 0,
      perSubscription: 0,
      latencyMs: 0,
      seed: 3,
    });
    const run = await collectService(efs, generated);
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(2);
  });
});
