import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import { notEnabled } from './normalize';
import type { MacieSessionProperties } from './resource';

/** Macie region resources as the collector hands them to rules, compliant unless overridden. */

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const NAME = `${REGION} of account ${ACCOUNT}`;

export function macieResource(session?: MacieSessionProperties['session']): NormalizedResource {
  return {
    provider: 'aws',
    type: 'aws.macie.session',
    nativeId: `arn:aws:macie2:${REGION}:${ACCOUNT}:session`,
    name: NAME,
    scopeId: ACCOUNT,
    region: REGION,
    tags: {},
    properties: { accountId: ACCOUNT, ...(session ? { session } : {}) },
    phi: false,
    phiReason: null,
    evidenceIds: [1],
  };
}

const enabled = {
  enabled: true,
  status: 'ENABLED',
  findingPublishingFrequency: 'FIFTEEN_MINUTES',
  createdAt: '2023-09-04T08:00:00.000Z',
};

function bucket(name: string, phi: boolean, region = REGION, scopeId = ACCOUNT): NormalizedResource {
  return {
    provider: 'aws',
    type: 'aws.s3.bucket',
    nativeId: `arn:aws:s3:::${name}`,
    name,
    scopeId,
    region,
    tags: phi ? { phi: 'true' } : {},
    properties: {},
    phi,
    phiReason: phi ? 'tag phi=true' : null,
    evidenceIds: [9],
  };
}

const phiHere = {
  resources: [
    bucket('nwv-patient-exports', true),
    bucket('nwv-web-assets', false),
    bucket('nwv-telemetry-usw2', true, 'us-west-2'),
    bucket('other-account-phi', true, REGION, '444455556666'),
  ],
};

export const macieFixtures: ServiceFixtures = {
  'aws.macie.enabled': {
    pass: [
      {
        name: 'enabled where a PHI bucket is',
        resource: macieResource(enabled),
        context: phiHere,
        detail: `Macie is enabled in ${NAME} (status ENABLED). The region holds 1 PHI-classified bucket(s): nwv-patient-exports.`,
      },
      {
        name: 'enabled, S3 not assessed in the run',
        resource: macieResource(enabled),
        detail: 'S3 buckets of this account were not assessed in this run',
      },
    ],
    fail: [
      {
        name: 'not enabled where a PHI bucket is',
        resource: macieResource(notEnabled),
        context: phiHere,
        detail: `Macie is not enabled in ${NAME}: GetMacieSession answered "Macie is not enabled". The region holds 1 PHI-classified bucket(s): nwv-patient-exports.`,
      },
      {
        name: 'paused',
        resource: macieResource({ ...enabled, status: 'PAUSED' }),
        context: phiHere,
        detail: `Macie in ${NAME} is PAUSED: it runs no discovery or classification job.`,
      },
      {
        name: 'not enabled, S3 not assessed in the run',
        resource: macieResource(notEnabled),
        detail: 'whether the region holds PHI is not known',
      },
    ],
    notApplicable: [
      {
        name: 'the run saw the account buckets, none PHI in this region',
        resource: macieResource(notEnabled),
        context: {
          resources: [bucket('nwv-web-assets', false), bucket('nwv-telemetry-usw2', true, 'us-west-2')],
        },
        detail: `No PHI-classified S3 bucket of the account was seen in us-east-1 by this run, so Macie in ${NAME} is not required here (Macie is not enabled).`,
      },
      {
        name: 'GetMacieSession refused by IAM',
        resource: macieResource(),
        detail: /^Not assessed: whether Macie is enabled in us-east-1 of account 111122223333/,
      },
    ],
  },
};
