import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
} from '@aws-sdk/client-kms';
import { awsOperation } from '../../../kit';

/** Every KMS call the collector makes: the guard allows exactly these, the access kit grants exactly them. */
export const ops = {
  listKeys: awsOperation(ListKeysCommand, 'kms:ListKeys'),
  listAliases: awsOperation(ListAliasesCommand, 'kms:ListAliases'),
  describeKey: awsOperation(DescribeKeyCommand, 'kms:DescribeKey'),
  listResourceTags: awsOperation(ListResourceTagsCommand, 'kms:ListResourceTags'),
  getKeyPolicy: awsOperation(GetKeyPolicyCommand, 'kms:GetKeyPolicy'),
  getKeyRotationStatus: awsOperation(GetKeyRotationStatusCommand, 'kms:GetKeyRotationStatus'),
};
