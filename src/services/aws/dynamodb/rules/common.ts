import type { NormalizedResource, RuleContext } from '../../../../kit';
import { dynamodbTable } from '../resource';

export const DYNAMODB_TABLE = dynamodbTable.type;

/** The collector's facts about a table; a field left undefined could not be collected. */
export const tableProperties = dynamodbTable.properties;

/** "DynamoDB table nwv-wearable-readings in us-east-1" */
export function tableLabel(resource: NormalizedResource): string {
  return `DynamoDB table ${resource.name} in ${resource.region}`;
}

/** The KMS service's key resource type: read from the run, never imported (services import only the kit). */
const KMS_KEY = 'aws.kms.key';

/**
 * Who manages a KMS key, as the run's KMS service described it: 'CUSTOMER', 'AWS', or null when the
 * key was not among the run's resources. The AWS managed key for DynamoDB carries alias/aws/dynamodb.
 */
export function keyManagerOf(keyArn: string, context: RuleContext): 'CUSTOMER' | 'AWS' | null {
  const key = context.resources.find((each) => each.type === KMS_KEY && each.nativeId === keyArn);
  if (!key) return null;
  const properties = key.properties as { metadata?: { keyManager?: unknown }; aliases?: unknown };
  const aliases = Array.isArray(properties.aliases) ? properties.aliases : [];
  if (aliases.includes('alias/aws/dynamodb')) return 'AWS';
  const manager = properties.metadata?.keyManager;
  return manager === 'CUSTOMER' || manager === 'AWS' ? manager : null;
}
