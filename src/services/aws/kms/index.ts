import { KMSClient } from '@aws-sdk/client-kms';
import { defineService } from '../../../kit';
import { collectKmsKeys } from './collect';
import { ops } from './operations';
import { kmsKey } from './resource';
import { kmsKeyPolicyPublic } from './rules/key-policy-public';
import { kmsPendingDeletion } from './rules/pending-deletion';
import { kmsRotationEnabled } from './rules/rotation-enabled';
import { kmsSim } from './sim';

/** AWS KMS: keys listed and described per region (KMS keys are regional). */
export const kms = defineService({
  id: 'aws.kms',
  provider: 'aws',
  service: 'kms',
  title: 'AWS Key Management Service',
  hipaaListName: 'kms',
  scope: 'regional',
  client: KMSClient,
  operations: Object.values(ops),
  resources: [kmsKey],
  rules: [kmsRotationEnabled, kmsPendingDeletion, kmsKeyPolicyPublic],
  collect: collectKmsKeys,
  sim: kmsSim,
});
