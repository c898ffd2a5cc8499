import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { defineService } from '../../../kit';
import { collectConfig } from './collect';
import { ops } from './operations';
import { configRegion } from './resource';
import { configHipaaConformancePack } from './rules/hipaa-conformance-pack';
import { configRecorderRecording } from './rules/recorder-recording';
import { configSim } from './sim';

/** AWS Config: per account and region, a recorder that records, and the HIPAA conformance pack's compliance. */
export const config = defineService({
  id: 'aws.config',
  provider: 'aws',
  service: 'config',
  title: 'AWS Config',
  hipaaListName: 'config',
  scope: 'regional',
  client: ConfigServiceClient,
  operations: Object.values(ops),
  resources: [configRegion],
  rules: [configRecorderRecording, configHipaaConformancePack],
  collect: collectConfig,
  sim: configSim,
});
