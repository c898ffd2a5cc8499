import { S3Client } from '@aws-sdk/client-s3';
import { defineService } from '../../../kit';
import { collectS3Buckets } from './collect';
import { ops } from './operations';
import { bucket } from './resource';
import { s3AccessLogging } from './rules/access-logging';
import { s3DataClassification } from './rules/data-classification';
import { s3DefaultEncryption } from './rules/default-encryption';
import { s3PhiSseKms } from './rules/phi-sse-kms';
import { s3PhiVersioning } from './rules/phi-versioning';
import { s3PublicAccessBlock } from './rules/public-access-block';
import { s3PublicBucket } from './rules/public-bucket';
import { s3ReplicationAccount } from './rules/replication-account';
import { s3ReplicationRegion } from './rules/replication-region';
import { s3TlsOnlyPolicy } from './rules/tls-only-policy';
import { s3Sim } from './sim';

/** Amazon S3: buckets listed once per account (S3 is global), each described in its own region. */
export const s3 = defineService({
  id: 'aws.s3',
  provider: 'aws',
  service: 's3',
  title: 'Amazon S3',
  hipaaListName: 's3',
  scope: 'global',
  client: S3Client,
  // Emulators behind AWS_ENDPOINT_URL do not serve bucket subdomains.
  clientConfig: ({ customEndpoint }) => ({ forcePathStyle: customEndpoint }),
  operations: Object.values(ops),
  resources: [bucket],
  rules: [
    s3DefaultEncryption,
    s3TlsOnlyPolicy,
    s3PublicAccessBlock,
    s3AccessLogging,
    s3ReplicationRegion,
    s3PhiSseKms,
    s3DataClassification,
    s3PhiVersioning,
    s3ReplicationAccount,
    s3PublicBucket,
  ],
  collect: collectS3Buckets,
  sim: s3Sim,
});
