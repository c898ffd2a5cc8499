import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
} from '@aws-sdk/client-s3';
import { awsOperation } from '../../../kit';

/** Every S3 call the collector makes: the guard allows exactly these, the access kit grants exactly them. */
export const ops = {
  listBuckets: awsOperation(ListBucketsCommand, 's3:ListAllMyBuckets'),
  getBucketLocation: awsOperation(GetBucketLocationCommand, 's3:GetBucketLocation'),
  getBucketTagging: awsOperation(GetBucketTaggingCommand, 's3:GetBucketTagging'),
  getBucketEncryption: awsOperation(GetBucketEncryptionCommand, 's3:GetEncryptionConfiguration'),
  getBucketPolicy: awsOperation(GetBucketPolicyCommand, 's3:GetBucketPolicy'),
  getPublicAccessBlock: awsOperation(GetPublicAccessBlockCommand, 's3:GetBucketPublicAccessBlock'),
  getBucketLogging: awsOperation(GetBucketLoggingCommand, 's3:GetBucketLogging'),
  getBucketReplication: awsOperation(GetBucketReplicationCommand, 's3:GetReplicationConfiguration'),
  getBucketVersioning: awsOperation(GetBucketVersioningCommand, 's3:GetBucketVersioning'),
  getBucketPolicyStatus: awsOperation(GetBucketPolicyStatusCommand, 's3:GetBucketPolicyStatus'),
  getBucketAcl: awsOperation(GetBucketAclCommand, 's3:GetBucketAcl'),
};
