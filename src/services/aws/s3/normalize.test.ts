import { describe, expect, it } from 'vitest';
import {
  aclFrom,
  encryptionFrom,
  policyFrom,
  regionFromLocationConstraint,
  replicationDestinationsFrom,
  tagsFromTagSet,
  versioningFrom,
} from './normalize';

const statement = (overrides: Record<string, unknown>) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: '*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        ...overrides,
      },
    ],
  });

describe('policyFrom', () => {
  it('recognises the TLS-only statement in its usual spellings', () => {
    expect(policyFrom(statement({})).denyInsecureTransport).toBe(true);
    expect(
      policyFrom(
        statement({
          Principal: { AWS: '*' },
          Action: ['s3:*'],
          Condition: { BoolIfExists: { 'aws:SecureTransport': false } },
        }),
      ).denyInsecureTransport,
    ).toBe(true);
    expect(
      policyFrom(
        statement({
          Principal: { AWS: ['*'] },
          Action: '*',
          Condition: { Bool: { 'aws:securetransport': ['false'] } },
        }),
      ).denyInsecureTransport,
    ).toBe(true);
  });

  it('does not take a partial deny for a TLS-only policy', () => {
    expect(policyFrom(statement({ Action: 's3:GetObject' })).denyInsecureTransport).toBe(false);
    expect(policyFrom(statement({ Effect: 'Allow' })).denyInsecureTransport).toBe(false);
    expect(
      policyFrom(statement({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } })).denyInsecureTransport,
    ).toBe(false);
    expect(
      policyFrom(statement({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } })).denyInsecureTransport,
    ).toBe(false);
  });

  it('flags an unconditional Allow to everyone as public, a conditioned one not', () => {
    const publicRead = JSON.stringify({
      Statement: { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
    });
    expect(policyFrom(publicRead)).toMatchObject({
      present: true,
      allowsPublicPrincipal: true,
      denyInsecureTransport: false,
    });
    const vpceOnly = JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } },
        },
      ],
    });
    expect(policyFrom(vpceOnly).allowsPublicPrincipal).toBe(false);
  });

  it('keeps an unparsable policy as text and claims nothing', () => {
    expect(policyFrom('{not json')).toEqual({
      present: true,
      denyInsecureTransport: false,
      allowsPublicPrincipal: false,
      document: { unparsed: '{not json' },
    });
    expect(policyFrom(undefined).present).toBe(false);
  });
});

describe('the other S3 conversions', () => {
  it('maps LocationConstraint to a region, including the us-east-1 and legacy EU answers', () => {
    expect(regionFromLocationConstraint(undefined)).toBe('us-east-1');
    expect(regionFromLocationConstraint('')).toBe('us-east-1');
    expect(regionFromLocationConstraint('EU')).toBe('eu-west-1');
    expect(regionFromLocationConstraint('ap-southeast-2')).toBe('ap-southeast-2');
  });

  it('reads default encryption and tags', () => {
    expect(
      encryptionFrom({
        $metadata: {},
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
      }),
    ).toEqual({
      enabled: true,
      algorithm: 'AES256',
      kmsKeyId: null,
      bucketKeyEnabled: false,
    });
    expect(encryptionFrom({ $metadata: {}, ServerSideEncryptionConfiguration: { Rules: [] } }).enabled).toBe(
      false,
    );
    expect(
      tagsFromTagSet([
        { Key: 'phi', Value: 'true' },
        { Key: 'app', Value: '' },
      ]),
    ).toEqual({ phi: 'true', app: '' });
  });

  it('lists replication destinations by ARN and name', () => {
    expect(
      replicationDestinationsFrom({
        $metadata: {},
        ReplicationConfiguration: {
          Role: 'r',
          Rules: [
            { Status: 'Enabled', Destination: { Bucket: 'arn:aws-us-gov:s3:::gov-dr' } },
            { Status: 'Disabled', Destination: undefined as never },
            {
              Status: 'Enabled',
              Destination: {
                Bucket: 'arn:aws:s3:::vendor-dr',
                Account: '999988887777',
                AccessControlTranslation: { Owner: 'Destination' },
              },
            },
          ],
        },
      }),
    ).toEqual([
      { bucketArn: 'arn:aws-us-gov:s3:::gov-dr', bucket: 'gov-dr', status: 'Enabled', account: null },
      {
        bucketArn: 'arn:aws:s3:::vendor-dr',
        bucket: 'vendor-dr',
        status: 'Enabled',
        account: '999988887777',
      },
    ]);
  });

  it('reads versioning: an empty answer is never enabled, Suspended stays Suspended', () => {
    expect(versioningFrom({ $metadata: {} })).toEqual({ status: null, mfaDelete: false });
    expect(versioningFrom({ $metadata: {}, Status: 'Suspended', MFADelete: 'Disabled' })).toEqual({
      status: 'Suspended',
      mfaDelete: false,
    });
    expect(versioningFrom({ $metadata: {}, Status: 'Enabled', MFADelete: 'Enabled' })).toEqual({
      status: 'Enabled',
      mfaDelete: true,
    });
  });

  it('keeps only the ACL grants to AllUsers and AuthenticatedUsers', () => {
    expect(
      aclFrom({
        $metadata: {},
        Owner: { ID: 'owner' },
        Grants: [
          { Grantee: { Type: 'CanonicalUser', ID: 'owner' }, Permission: 'FULL_CONTROL' },
          {
            Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' },
            Permission: 'WRITE',
          },
          {
            Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' },
            Permission: 'READ',
          },
          {
            Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers' },
            Permission: 'WRITE_ACP',
          },
        ],
      }),
    ).toEqual({
      publicGrants: [
        { group: 'AllUsers', permission: 'READ' },
        { group: 'AuthenticatedUsers', permission: 'WRITE_ACP' },
      ],
    });
    expect(aclFrom({ $metadata: {} })).toEqual({ publicGrants: [] });
  });
});
