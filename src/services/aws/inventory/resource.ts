import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/** Where the inventory saw a resource, in the order the collector asks them. */
export const inventorySources = ['resource-explorer', 'config', 'tagging'] as const;
export type InventorySource = (typeof inventorySources)[number];

/**
 * resource.type 'aws.inventory.resource': one resource (one ARN) as Resource Explorer, AWS Config
 * and the Resource Groups Tagging API list it, whatever its service. nativeId = the ARN; name = the resource part of the ARN after its type
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
  /**
   * The tags the tagging API returned, else AWS Config's, else Resource Explorer's ({} for a
   * resource that has none, or whose sources did not say)
   */
  tags: z.record(z.string(), z.string()),
  /** The sources that listed it; a record of a run before Resource Explorer and Config is the tagging API's */
  sources: z.array(z.enum(inventorySources)).min(1).default(['tagging']),
});

export type InventoryProperties = z.infer<typeof inventorySchema>;

/** An inventory record: counted as "inventoried only" unless a service module assessed the same ARN. */
export const inventoryResource = defineResourceType(
  'aws.inventory.resource',
  'AWS resource',
  inventorySchema,
  { inventory: true },
);
