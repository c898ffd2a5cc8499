import {
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeConformancePackComplianceCommand,
  DescribeConformancePacksCommand,
} from '@aws-sdk/client-config-service';
import { awsOperation } from '../../../kit';

/**
 * AWS Config's calls: the recorders of the region and whether they record, the conformance packs and
 * the compliance of each pack's rules. DescribeConfigurationRecorderStatus is also declared by the
 * inventory service (same client and command: the guard and access kit list it once).
 */
export const ops = {
  describeConfigurationRecorders: awsOperation(
    DescribeConfigurationRecordersCommand,
    'config:DescribeConfigurationRecorders',
  ),
  describeConfigurationRecorderStatus: awsOperation(
    DescribeConfigurationRecorderStatusCommand,
    'config:DescribeConfigurationRecorderStatus',
  ),
  describeConformancePacks: awsOperation(DescribeConformancePacksCommand, 'config:DescribeConformancePacks'),
  describeConformancePackCompliance: awsOperation(
    DescribeConformancePackComplianceCommand,
    'config:DescribeConformancePackCompliance',
  ),
};
