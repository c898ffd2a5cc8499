/**
 * The service modules: the only shared line a new service adds (ARCHITECTURE.md "Services are
 * folders"). Collectors, rules, guards, the access kit, the scenario schema, the demo and the
 * generator are all derived from this list by src/kit/registry.ts.
 */
import { createRegistry } from '../kit/registry';
import demoOrganisation from '../kit/sim/demo-organisation.json' with { type: 'json' };
import { apigateway } from './aws/apigateway';
import { apigatewayv2 } from './aws/apigatewayv2';
import { awsBackup } from './aws/backup';
import { cloudfront } from './aws/cloudfront';
import { config } from './aws/config';
import { cloudtrail } from './aws/cloudtrail';
import { dynamodb } from './aws/dynamodb';
import { detective } from './aws/detective';
import { ec2 } from './aws/ec2';
import { efs } from './aws/efs';
import { elbv2 } from './aws/elbv2';
import { guardduty } from './aws/guardduty';
import { iam } from './aws/iam';
import { inventory } from './aws/inventory';
import { kms } from './aws/kms';
import { lambda } from './aws/lambda';
import { logs } from './aws/logs';
import { macie } from './aws/macie';
import { rds } from './aws/rds';
import { s3 } from './aws/s3';
import { sns } from './aws/sns';
import { securityhub } from './aws/securityhub';
import { sqs } from './aws/sqs';
import { apim } from './azure/apim';
import { appservice } from './azure/appservice';
import { authorization } from './azure/authorization';
import { backup } from './azure/backup';
import { cosmos } from './azure/cosmos';
import { eventhubs } from './azure/eventhubs';
import { frontdoor } from './azure/frontdoor';
import { keyvault } from './azure/keyvault';
import { monitor } from './azure/monitor';
import { mysql } from './azure/mysql';
import { postgres } from './azure/postgres';
import { policy } from './azure/policy';
import { resourcegraph } from './azure/resourcegraph';
import { servicebus } from './azure/servicebus';
import { sql } from './azure/sql';
import { storage } from './azure/storage';

export const services = [
  s3,
  kms,
  sqs,
  cloudtrail,
  storage,
  keyvault,
  // Before the inventory: AWS Config answers DescribeConfigurationRecorderStatus for both.
  config,
  inventory,
  resourcegraph,
  servicebus,
  eventhubs,
  monitor,
  authorization,
  policy,
  backup,
  appservice,
  frontdoor,
  apim,
  guardduty,
  securityhub,
  macie,
  detective,
  sql,
  postgres,
  mysql,
  cosmos,
  cloudfront,
  elbv2,
  apigateway,
  apigatewayv2,
  ec2,
  sns,
  logs,
  rds,
  iam,
  dynamodb,
  efs,
  awsBackup,
  lambda,
] as const;

/** The ruleset series; the registry appends a fingerprint of every rule's metadata. */
export const RULESET_SERIES = '2026.12';

export const registry = createRegistry(services, demoOrganisation, RULESET_SERIES);
