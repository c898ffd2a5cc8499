import { z } from 'zod';
import { defineResourceType } from '../../../kit';

export const recorder = z.object({
  name: z.string(),
  /** recordingGroup: every supported resource type (allSupported, or strategy ALL_SUPPORTED_RESOURCE_TYPES) */
  allSupported: z.boolean(),
  /** The strategy when not all types: INCLUSION_BY_RESOURCE_TYPES / EXCLUSION_BY_RESOURCE_TYPES */
  strategy: z.string().nullable(),
  /** DescribeConfigurationRecorderStatus recording; null when the status could not be read */
  recording: z.boolean().nullable(),
  /** lastStatus: Pending, Success or Failure; null when unknown */
  lastStatus: z.string().nullable(),
  lastStopTime: z.string().nullable(),
});

export const conformancePack = z.object({
  name: z.string(),
  arn: z.string(),
  /** The pack is the HIPAA Security one (name or SSM template document says HIPAA) */
  hipaa: z.boolean(),
  /** DescribeConformancePackCompliance: rules evaluated and those NON_COMPLIANT; null when it failed */
  compliance: z.object({ rules: z.number(), nonCompliant: z.array(z.string()) }).nullable(),
});

/**
 * resource.type 'aws.config.region': AWS Config in one account and region. nativeId
 * arn:<partition>:config:<region>:<account>:configuration-recorders (stable); name '<region> of account
 * <id>'. A list that could not be read is absent.
 */
export const configSchema = z.object({
  accountId: z.string(),
  recorders: z.array(recorder).optional(),
  conformancePacks: z.array(conformancePack).optional(),
});

export type ConfigRegionProperties = z.infer<typeof configSchema>;
export type ConfigRecorder = z.infer<typeof recorder>;
export type ConformancePack = z.infer<typeof conformancePack>;

export const configRegion = defineResourceType(
  'aws.config.region',
  'AWS Config in an account region',
  configSchema,
);
