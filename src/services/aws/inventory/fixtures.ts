import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import { inventoryEntry } from './normalize';

/** Resources as the collector and the orchestrator hand them to rules: built from an ARN and tags. */
export function inventoryResourceOf(
  arn: string,
  options: { phi?: boolean; tags?: Record<string, string>; listedIn?: string } = {},
): NormalizedResource {
  const phi = options.phi ?? true;
  const tags = options.tags ?? (phi ? { phi: 'true' } : { team: 'web' });
  const entry = inventoryEntry(
    { ResourceARN: arn, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
    options.listedIn ?? 'us-east-1',
  );
  if (!entry) throw new Error(`not an ARN: ${arn}`);
  return {
    provider: 'aws',
    type: 'aws.inventory.resource',
    nativeId: entry.arn,
    name: entry.name,
    scopeId: '111122223333',
    region: entry.region,
    tags: entry.tags,
    properties: { ...entry.properties },
    phi,
    phiReason: phi ? 'tag phi=true' : null,
    evidenceIds: [1],
  };
}

const appRunner =
  'arn:aws:apprunner:us-east-1:111122223333:service/patient-intake/8fe1e10304f84fd2b0df550fe98a71fa';

export const inventoryFixtures: ServiceFixtures = {
  'aws.inventory.phi-in-ineligible-service': {
    pass: [
      {
        name: 'PHI queue in SQS',
        resource: inventoryResourceOf('arn:aws:sqs:us-east-1:111122223333:support-tickets'),
        detail:
          'sqs:queue support-tickets in us-east-1 runs on Amazon Simple Queue Service (SQS), which is on the AWS HIPAA eligible services list dated May 22, 2026.',
      },
      {
        name: 'PHI database on a qualified listing names the qualifier',
        resource: inventoryResourceOf('arn:aws:rds:us-east-1:111122223333:db:orders-db'),
        detail:
          /rds:db orders-db in us-east-1 runs on Amazon Relational Database Service \(Amazon RDS\), .* The listing is qualified \("SQL Server, MySQL, Oracle, PostgreSQL, Db2 and MariaDB engines only"\): confirm this resource is within it\.$/,
      },
      {
        name: 'global CloudFront distribution listed by us-east-1',
        resource: inventoryResourceOf('arn:aws:cloudfront::111122223333:distribution/E2EXAMPLE', {
          phi: false,
        }),
        detail: /^cloudfront:distribution E2EXAMPLE in us-east-1 runs on Amazon CloudFront, .*2026\.$/,
      },
      {
        name: 'DynamoDB table not classified as PHI',
        resource: inventoryResourceOf('arn:aws:dynamodb:us-west-2:111122223333:table/carts', {
          phi: false,
          listedIn: 'us-west-2',
        }),
        detail: 'dynamodb:table carts in us-west-2 runs on Amazon DynamoDB',
      },
    ],
    fail: [
      {
        name: 'PHI in AWS App Runner names the service and the list date',
        resource: inventoryResourceOf(appRunner),
        detail:
          'apprunner:service patient-intake/8fe1e10304f84fd2b0df550fe98a71fa in us-east-1 is classified as PHI (tag phi=true), but service apprunner is not on the AWS HIPAA eligible services list dated May 22, 2026. AWS App Runner is not on the eligible list',
      },
      {
        name: 'PHI in Amazon Lightsail',
        resource: inventoryResourceOf(
          'arn:aws:lightsail:us-west-2:111122223333:Instance/244ad76f-8aad-4741-809f-12345EXAMPLE',
          { listedIn: 'us-west-2' },
        ),
        detail:
          /^lightsail:instance 244ad76f-.* is classified as PHI .* Amazon Lightsail is not on the eligible list/,
      },
    ],
    notApplicable: [
      {
        name: 'ineligible service without PHI asks to confirm',
        resource: inventoryResourceOf(appRunner, { phi: false }),
        detail:
          'service apprunner is not on the HIPAA eligible list (dated May 22, 2026): confirm no PHI is stored here.',
      },
      {
        name: 'unknown service code says only what was seen',
        resource: inventoryResourceOf('arn:aws:ivs:us-east-1:111122223333:channel/abcdEFGH1234'),
        detail:
          'ivs:channel abcdEFGH1234 in us-east-1: service code "ivs" could not be matched to the AWS HIPAA eligible services list dated May 22, 2026; its eligibility was not judged.',
      },
      {
        name: 'a workspace without the service code: not assessed',
        resource: {
          ...inventoryResourceOf('arn:aws:sqs:us-east-1:111122223333:support-tickets'),
          properties: {},
        },
        detail: /^Not assessed: the service code \(from the ARN\) of AWS resource support-tickets/,
      },
    ],
  },
};
