import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * resource.type 'aws.inventory.resource': one resource as the Resource Groups Tagging API lists it,
 * whatever its service. nativeId = the ARN; name = the resource part of the ARN after its type
 * ('nwv-support-tickets' of arn:aws:sqs:…:nwv-support-tickets, 'orders' of …:table/orders).
 * Everything here is read from the ARN and the tags GetResources returned; nothing is looked up.
 */
export const inventorySchema = z.object({
  arn: z.string(),
  /** 'aws' | 'aws-us-gov' | 'aws-cn' */
  partition: z.string(),
  /** The ARN's service code: 'sqs', 'dynamodb', 'apprunner' (the key into the eligible list's codes) */
  service: z.string(),
  /** '<service>:<type>' from the ARN: 'sqs:queue', 'dynamodb:table', 'lambda:function' */
  resourceType: z.string(),
  /** The ARN's region; null for a region-less ARN (S3 buckets, CloudFront, Route 53, IAM) */
  region: z.string().nullable(),
  /** The ARN's account; null for an account-less ARN (S3 buckets, API Gateway) */
  accountId: z.string().nullable(),
  /** The region whose GetResources endpoint listed the resource */
  listedIn: z.string(),
  /** The tags GetResources returned ({} for a resource that had tags and has none now) */
  tags: z.record(z.string(), z.string()),
});

export type InventoryProperties = z.infer<typeof inventorySchema>;

/** An inventory record: counted as "inventoried only" unless a service module assessed the same ARN. */
export const inventoryResource = defineResourceType(
  'aws.inventory.resource',
  'AWS resource',
  inventorySchema,
  { inventory: true },
);
