import { EFSServiceException } from '@aws-sdk/client-efs';
import { z } from 'zod';
import {
  awsPage,
  awsRegion,
  awsServiceError,
  isoTime,
  scenarioTags,
  type AwsServiceSim,
  type AwsSimCallFor,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import demo from './demo.json' with { type: 'json' };

/**
 * EFS in a scenario: each account's file systems, per region. Answers follow the Amazon EFS API
 * Reference (REST-JSON): DescribeFileSystems pages with MaxItems (at most 100 per page) and answers
 * Marker/NextMarker, NextMarker only while more remain; Encrypted is always answered, KmsKeyId only
 * when encrypted; Tags is always a list; Name only when the file system has a Name tag;
 * AvailabilityZoneName only for One Zone file systems. DescribeBackupPolicy answers
 * BackupPolicy.Status, or PolicyNotFound (404) when the file system has no backup policy, and
 * FileSystemNotFound (404) for an unknown id.
 */

const scenarioFileSystem = z.strictObject({
  id: z.string().regex(/^fs-[0-9a-f]{8,40}$/, 'must be a file system id (fs- and 8–40 hex digits)'),
  region: awsRegion,
  /** The Name tag */
  name: z.string().min(1).optional(),
  tags: scenarioTags.default({}),
  encrypted: z.boolean().default(true),
  /** The key ARN answered as KmsKeyId; required when encrypted */
  kmsKeyId: z.string().min(1).optional(),
  /** BackupPolicy.Status; null = no backup policy (PolicyNotFound) */
  backupPolicy: z.enum(['ENABLED', 'ENABLING', 'DISABLED', 'DISABLING']).nullable().default('ENABLED'),
  /** One Zone: the availability zone; absent for a Regional file system */
  availabilityZone: z.string().min(1).optional(),
  sizeBytes: z.number().int().min(0).default(6144),
  createdAt: isoTime.default('2023-04-01T10:00:00Z'),
});

const account = { efsFileSystems: z.array(scenarioFileSystem).default([]) };
const organisation = {};

type ScenarioFileSystem = z.output<typeof scenarioFileSystem>;
type EfsWorld = undefined;
type Call = AwsSimCallFor<typeof account, typeof organisation, EfsWorld>;

const efsError = (name: string, httpStatusCode: number, message: string): Error =>
  awsServiceError(EFSServiceException, name, httpStatusCode, message);

function here(call: Call): ScenarioFileSystem[] {
  return call.account.efsFileSystems
    .filter((each) => each.region === call.region)
    .sort((a, b) => a.id.localeCompare(b.id));
}

function answerOf(call: Call, fs: ScenarioFileSystem): object {
  const tags = { ...(fs.name ? { Name: fs.name } : {}), ...fs.tags };
  return {
    OwnerId: call.account.accountId,
    CreationToken: `console-${fs.id.slice(3)}`,
    FileSystemId: fs.id,
    FileSystemArn: `arn:${call.account.partition}:elasticfilesystem:${fs.region}:${call.account.accountId}:file-system/${fs.id}`,
    CreationTime: new Date(fs.createdAt),
    LifeCycleState: 'available',
    ...(fs.name ? { Name: fs.name } : {}),
    NumberOfMountTargets: fs.availabilityZone ? 1 : 3,
    SizeInBytes: { Value: fs.sizeBytes, ValueInStandard: fs.sizeBytes, ValueInIA: 0 },
    PerformanceMode: 'generalPurpose',
    Encrypted: fs.encrypted,
    ...(fs.encrypted && fs.kmsKeyId ? { KmsKeyId: fs.kmsKeyId } : {}),
    ThroughputMode: 'elastic',
    ...(fs.availabilityZone
      ? { AvailabilityZoneName: fs.availabilityZone, AvailabilityZoneId: 'use1-az1' }
      : {}),
    Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
    FileSystemProtection: { ReplicationOverwriteProtection: 'ENABLED' },
  };
}

function describeFileSystems(call: Call): object {
  const max = call.input.MaxItems ?? 100;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1)
    throw efsError('BadRequest', 400, 'MaxItems must be a positive integer.');
  let list = here(call);
  if (typeof call.input.FileSystemId === 'string') {
    list = list.filter((each) => each.id === call.input.FileSystemId);
    if (list.length === 0)
      throw efsError('FileSystemNotFound', 404, `File system '${call.input.FileSystemId}' does not exist.`);
  }
  const { page, next } = awsPage(list, call.input.Marker, Math.min(max, 100, call.pageSize), () =>
    efsError('BadRequest', 400, 'Invalid Marker.'),
  );
  return {
    ...(typeof call.input.Marker === 'string' ? { Marker: call.input.Marker } : {}),
    FileSystems: page.map((each) => answerOf(call, each)),
    ...(next ? { NextMarker: next } : {}),
  };
}

function describeBackupPolicy(call: Call): object {
  const reference = typeof call.input.FileSystemId === 'string' ? call.input.FileSystemId : '';
  const id = reference.replace(/^arn:[^/]+\/(fs-[0-9a-f]+)$/, '$1');
  const fs = here(call).find((each) => each.id === id);
  if (!fs) throw efsError('FileSystemNotFound', 404, `File system '${reference}' does not exist.`);
  if (fs.backupPolicy === null)
    throw efsError('PolicyNotFound', 404, 'No backup policy exists for this file system.');
  return { BackupPolicy: { Status: fs.backupPolicy } };
}

function checkFileSystems(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((each, a) => {
    const list = each.efsFileSystems as ScenarioFileSystem[];
    const seen = new Set<string>();
    list.forEach((fs, f) => {
      const path = ['aws', 'accounts', a, 'efsFileSystems', f];
      if (!each.regions.includes(fs.region))
        issue(
          [...path, 'region'],
          `${fs.region} is not one of the account's regions (${each.regions.join(', ')})`,
        );
      if (seen.has(fs.id)) issue([...path, 'id'], `file system ${fs.id} is declared twice`);
      seen.add(fs.id);
      if (fs.encrypted && !fs.kmsKeyId)
        issue([...path, 'kmsKeyId'], 'an encrypted file system needs the kmsKeyId EFS answers');
      if (!fs.encrypted && fs.kmsKeyId)
        issue([...path, 'kmsKeyId'], 'only an encrypted file system has a kmsKeyId');
    });
  });
}

export const efsSim: AwsServiceSim<typeof account, typeof organisation, EfsWorld> = {
  account,
  organisation,
  check: checkFileSystems,
  error: efsError,
  answers: {
    DescribeFileSystems: describeFileSystems,
    DescribeBackupPolicy: describeBackupPolicy,
  },
  demo,
  generate({ index, accountId, regions, perRegion, random }) {
    const { chance, pick, hex } = random;
    const apps = ['attachments', 'exports', 'media', 'shared-home'];
    const efsFileSystems = regions.flatMap((region) =>
      Array.from({ length: Math.max(1, Math.ceil(perRegion / 6)) }, () => {
        const app = pick(apps);
        const encrypted = !chance(0.15);
        return {
          id: `fs-${hex(17)}`,
          region,
          name: `gen-a${index}-${app}`,
          tags: chance(0.35) ? { app, phi: 'true' } : { app },
          encrypted,
          ...(encrypted
            ? { kmsKeyId: `arn:aws:kms:${region}:${accountId}:key/gen-a${index}-${hex(8)}` }
            : {}),
          backupPolicy: chance(0.6) ? 'ENABLED' : chance(0.5) ? 'DISABLED' : null,
        };
      }),
    );
    return { efsFileSystems };
  },
};
