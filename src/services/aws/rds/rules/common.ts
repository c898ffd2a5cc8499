import type { NormalizedResource, RuleContext } from '../../../../kit';
import { rdsCluster, rdsInstance } from '../resource';

export const RDS_INSTANCE = rdsInstance.type;
export const RDS_CLUSTER = rdsCluster.type;

/** The collector's facts; a field left undefined could not be collected. */
export const instanceProperties = rdsInstance.properties;
export const clusterProperties = rdsCluster.properties;

/** "RDS DB instance nwv-legacy-storefront-db in us-east-1" / "RDS DB cluster nwv-telehealth-notes in us-east-1" */
export function rdsLabel(resource: NormalizedResource): string {
  const kind = resource.type === RDS_CLUSTER ? 'DB cluster' : 'DB instance';
  return `RDS ${kind} ${resource.name} in ${resource.region}`;
}

/** The KMS service's key resource type: read from the run, never imported (services import only the kit). */
const KMS_KEY = 'aws.kms.key';

/**
 * Who manages a KMS key, when the run's KMS service described it: ' (a customer managed key)' or
 * ' (an AWS managed key)'; '' when the key was not among the run's resources.
 */
export function keyManagerNote(keyArn: string, context: RuleContext): string {
  const key = context.resources.find((each) => each.type === KMS_KEY && each.nativeId === keyArn);
  const manager = (key?.properties as { metadata?: { keyManager?: unknown } } | undefined)?.metadata
    ?.keyManager;
  if (manager === 'CUSTOMER') return ' (a customer managed key)';
  if (manager === 'AWS') return ' (an AWS managed key)';
  return '';
}

/** "engine aurora-postgresql 16.4" */
export function engineLabel(engine: string | undefined, version: string | null | undefined): string {
  return `${engine ?? 'unknown engine'}${version ? ` ${version}` : ''}`;
}
