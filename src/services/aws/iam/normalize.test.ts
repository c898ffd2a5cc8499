import { describe, expect, it } from 'vitest';
import {
  accessKeyFrom,
  dataWildcardsOf,
  decodePolicyDocument,
  fullAccessOf,
  managedPolicyDocuments,
  mfaDeviceFrom,
  passwordPolicyFrom,
  permissionsOf,
  rootFrom,
  trustFrom,
  wholeDaysBetween,
} from './normalize';

/** Plain objects shaped like the IAM answers (as the SDK deserializes them). */

const encoded = (document: object) => encodeURIComponent(JSON.stringify(document)).replace(/\*/g, '%2A');
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

describe('decodePolicyDocument', () => {
  it('reads URL-encoded documents (GetAccountAuthorizationDetails) and plain JSON alike', () => {
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
    expect(decodePolicyDocument(encoded(document))).toEqual({ parsed: true, document });
    expect(decodePolicyDocument(JSON.stringify(document))).toEqual({ parsed: true, document });
    // A space encoded as "+" by an encoder that is not RFC 3986.
    expect(decodePolicyDocument('%7B%22Version%22%3A+%222012-10-17%22%7D').document).toEqual({
      Version: '2012-10-17',
    });
  });

  it('keeps what is not a JSON policy, claiming nothing', () => {
    expect(decodePolicyDocument('%7Boops')).toEqual({ parsed: false, document: '%7Boops' });
    expect(decodePolicyDocument('100%')).toEqual({ parsed: false, document: '100%' });
    expect(decodePolicyDocument(undefined)).toEqual({ parsed: false, document: null });
  });
});

describe('fullAccessOf', () => {
  it('Action "*" (or "*:*") on Resource "*" in an Allow statement', () => {
    expect(fullAccessOf({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } })).toEqual({
      full: true,
      conditioned: false,
    });
    expect(
      fullAccessOf({ Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', '*:*'], Resource: ['*'] }] })
        .full,
    ).toBe(true);
    expect(
      fullAccessOf({
        Statement: [
          {
            Effect: 'Allow',
            Action: '*',
            Resource: '*',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
          },
        ],
      }),
    ).toEqual({ full: true, conditioned: true });
  });

  it('not for a scoped resource, a service wildcard, NotAction or a Deny', () => {
    expect(
      fullAccessOf({ Statement: [{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/*' }] }).full,
    ).toBe(false);
    expect(fullAccessOf({ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }).full).toBe(
      false,
    );
    expect(fullAccessOf({ Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] }).full).toBe(
      false,
    );
    expect(fullAccessOf({ Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] }).full).toBe(false);
  });
});

describe('dataWildcardsOf', () => {
  const ref = { name: 'p', arn: null, kind: 'inline' as const, viaGroup: null };
  it('keeps Allow statements granting s3:*, dynamodb:* or *, with their Resource patterns as written', () => {
    expect(
      dataWildcardsOf(
        {
          Statement: [
            { Effect: 'Allow', Action: ['S3:*', 's3:GetObject'], Resource: 'arn:aws:s3:::b/*' },
            {
              Effect: 'Allow',
              Action: 'dynamodb:*',
              Resource: ['arn:aws:dynamodb:us-east-1:1:table/t'],
              Condition: { Bool: { 'aws:SecureTransport': 'true' } },
            },
            { Effect: 'Allow', Action: 's3:Get*', Resource: '*' },
            { Effect: 'Deny', Action: '*', Resource: '*' },
            { Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::b' },
          ],
        },
        ref,
      ),
    ).toEqual([
      { ...ref, actions: ['S3:*'], resources: ['arn:aws:s3:::b/*'], conditioned: false },
      {
        ...ref,
        actions: ['dynamodb:*'],
        resources: ['arn:aws:dynamodb:us-east-1:1:table/t'],
        conditioned: true,
      },
    ]);
  });
});

describe('permissionsOf', () => {
  const documents = managedPolicyDocuments([
    {
      Arn: 'arn:aws:iam::111122223333:policy/ops-all',
      DefaultVersionId: 'v2',
      PolicyVersionList: [
        {
          VersionId: 'v1',
          IsDefaultVersion: false,
          Document: encoded({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }),
        },
        {
          VersionId: 'v2',
          IsDefaultVersion: true,
          Document: encoded({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
        },
      ],
    },
  ]);

  it('judges the default version, and policies of every group', () => {
    const permissions = permissionsOf(
      {
        attached: [],
        inline: [],
        groups: ['ops', 'gone'],
        permissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/boundary',
      },
      new Map([
        [
          'ops',
          {
            GroupName: 'ops',
            AttachedManagedPolicies: [
              { PolicyName: 'ops-all', PolicyArn: 'arn:aws:iam::111122223333:policy/ops-all' },
            ],
          },
        ],
      ]),
      documents,
    );
    expect(permissions.fullAccess).toEqual([
      {
        name: 'ops-all',
        arn: 'arn:aws:iam::111122223333:policy/ops-all',
        kind: 'customer-managed',
        viaGroup: 'ops',
        conditioned: false,
      },
    ]);
    expect(permissions.unread).toEqual(['group gone']);
    expect(permissions.permissionsBoundary).toBe('arn:aws:iam::111122223333:policy/boundary');
  });

  it('recognises AdministratorAccess by ARN even without its document; another missing document is unread', () => {
    const permissions = permissionsOf(
      {
        attached: [
          { PolicyName: 'AdministratorAccess', PolicyArn: ADMIN },
          { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
        ],
        inline: [{ PolicyName: 'broken', PolicyDocument: '%7B' }],
      },
      new Map(),
      new Map(),
    );
    expect(permissions.fullAccess.map((each) => each.name)).toEqual(['AdministratorAccess']);
    expect(permissions.unread).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess', 'inline broken']);
    expect(permissions.policies.map((each) => each.kind)).toEqual(['aws-managed', 'aws-managed', 'inline']);
  });
});

describe('trustFrom', () => {
  it('lists each principal of an Allow statement with its account and conditions', () => {
    const trust = trustFrom(
      encoded({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Vendors',
            Effect: 'Allow',
            Principal: { AWS: ['arn:aws:iam::444455556666:root', '777788889999', 'AROAEXAMPLEDELETED0001'] },
            Action: ['sts:AssumeRole', 'sts:TagSession'],
            Condition: { StringEquals: { 'sts:ExternalId': 'abc' } },
          },
          { Effect: 'Allow', Principal: { Service: ['ecs-tasks.amazonaws.com'] }, Action: 'sts:AssumeRole' },
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } },
          },
          { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 'sts:AssumeRole' },
        ],
      }),
    );
    expect(trust.parsed).toBe(true);
    expect(trust.principals.map((p) => [p.kind, p.accountId, p.externalId, p.organisationCondition])).toEqual(
      [
        ['account', '444455556666', true, false],
        ['account', '777788889999', true, false],
        ['deleted', null, true, false],
        ['service', null, false, false],
        ['everyone', null, false, true],
      ],
    );
    expect(trust.principals[0]).toMatchObject({
      sid: 'Vendors',
      actions: ['sts:AssumeRole', 'sts:TagSession'],
      conditionKeys: ['sts:externalid'],
    });
  });

  it('an unreadable document is not parsed', () => {
    expect(trustFrom('not%20json')).toMatchObject({ parsed: false, principals: [] });
  });
});

describe('account, keys and devices', () => {
  it('root facts from SummaryMap, absent when the keys are missing', () => {
    expect(rootFrom({ AccountMFAEnabled: 0, AccountAccessKeysPresent: 1, Users: 3 })).toEqual({
      mfaEnabled: false,
      accessKeysPresent: true,
    });
    expect(rootFrom({ Users: 3 })).toBeUndefined();
  });

  it('password policy: unset optional fields are null; NoSuchEntity is set false', () => {
    expect(passwordPolicyFrom({ MinimumPasswordLength: 12, RequireSymbols: true })).toMatchObject({
      set: true,
      minimumLength: 12,
      requireSymbols: true,
      reusePrevention: null,
      maxAgeDays: null,
    });
    expect(passwordPolicyFrom(null)).toMatchObject({ set: false, minimumLength: null });
  });

  it('ages in whole days to the observation time; N/A last use is no use', () => {
    const observed = new Date('2026-12-08T10:00:00Z');
    expect(wholeDaysBetween('2026-12-07T10:00:01Z', observed)).toBe(0);
    expect(wholeDaysBetween(new Date('2026-09-09T10:00:00Z'), observed)).toBe(90);
    expect(wholeDaysBetween(null, observed)).toBeNull();
    const metadata = {
      AccessKeyId: 'AKIA1',
      Status: 'Active' as const,
      CreateDate: new Date('2026-01-01T00:00:00Z'),
    };
    expect(accessKeyFrom(metadata, { ServiceName: 'N/A', Region: 'N/A' }, observed)).toEqual({
      accessKeyId: 'AKIA1',
      status: 'Active',
      createDate: '2026-01-01T00:00:00.000Z',
      ageDays: 341,
      lastUsed: { date: null, daysAgo: null, serviceName: null, region: null },
    });
    expect(accessKeyFrom(metadata, 'not-read', observed).lastUsed).toBeUndefined();
  });

  it('MFA device kinds from the serial number', () => {
    expect(
      mfaDeviceFrom({
        UserName: 'a',
        SerialNumber: 'arn:aws:iam::111122223333:mfa/a',
        EnableDate: new Date(0),
      }).kind,
    ).toBe('virtual');
    expect(
      mfaDeviceFrom({
        UserName: 'a',
        SerialNumber: 'arn:aws:iam::111122223333:u2f/user/a/key-ABC',
        EnableDate: new Date(0),
      }).kind,
    ).toBe('fido');
    expect(mfaDeviceFrom({ UserName: 'a', SerialNumber: 'GAHT12345678', EnableDate: new Date(0) }).kind).toBe(
      'hardware',
    );
  });
});
