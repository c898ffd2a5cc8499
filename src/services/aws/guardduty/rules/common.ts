import type { NormalizedResource, RuleContext, RuleResult } from '../../../../kit';
import { NOT_ASSESSED_PREFIX, notApplicable } from '../../../../kit';
import { guardDutyRegion, type GuardDutyRegionProperties } from '../resource';

export const GUARDDUTY_REGION = guardDutyRegion.type;

/** The collector's facts about GuardDuty in a region; a field left undefined could not be collected. */
export const regionProperties = guardDutyRegion.properties;

type Detector = NonNullable<GuardDutyRegionProperties['detector']>;

/**
 * The region's detector when it is known and enabled; otherwise the result a rule that needs a
 * running detector answers (not assessed, or not applicable: the enabled rule reports that).
 */
export function enabledDetector(resource: NormalizedResource): Detector | RuleResult {
  const { detectorIds, detector } = regionProperties(resource);
  if (detectorIds === undefined)
    return notApplicable(
      `${NOT_ASSESSED_PREFIX} the GuardDuty detectors of ${resource.name} could not be listed (see coverage gaps).`,
    );
  if (detectorIds.length === 0)
    return notApplicable(
      `GuardDuty has no detector in ${resource.name}; the rule aws.guardduty.enabled reports it.`,
    );
  if (detector === undefined)
    return notApplicable(
      `${NOT_ASSESSED_PREFIX} the GuardDuty detector ${detectorIds[0] ?? ''} of ${resource.name} could not be read (see coverage gaps).`,
    );
  if (detector.status !== 'ENABLED')
    return notApplicable(
      `The GuardDuty detector of ${resource.name} is ${detector.status}; the rule aws.guardduty.enabled reports it.`,
    );
  return detector;
}

export function isResult(value: Detector | RuleResult): value is RuleResult {
  return 'status' in value && 'detail' in value;
}

/** PHI-classified S3 buckets of the same account and region, from the run's resources. */
export function phiBucketsIn(resource: NormalizedResource, context: RuleContext): string[] {
  return context.resources
    .filter(
      (each) =>
        each.type === 'aws.s3.bucket' &&
        each.phi &&
        each.scopeId === resource.scopeId &&
        each.region === resource.region,
    )
    .map((each) => each.name)
    .sort();
}
