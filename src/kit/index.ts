/**
 * The kit, as a service module sees it: the only import of a service besides the catalog, zod and
 * its own SDK package (an ESLint rule enforces it).
 */
export type {
  CollectorContext,
  CoverageGapRecord,
  DeclaredOperation,
  EvidenceRecord,
  GapReason,
  NormalizedResource,
  Provider,
  RuleContext,
  RuleResult,
  RuleStatus,
  Severity,
} from './model';
export type { Exposure, Remediation, Rule } from './rule';
export {
  ruleContext,
  FIXTURE_APPROVED_REGIONS,
  type FixtureCase,
  type RuleFixtureSet,
  type ServiceFixtures,
} from './fixtures';
export {
  fail,
  failServingPhi,
  isNotAssessed,
  notApplicable,
  notAssessed,
  NOT_ASSESSED_PREFIX,
  pass,
  phiNote,
} from './result';
export { failurePatterns, type FailurePattern } from './failure-patterns';
export { isApprovedRegion, listRegions, normalizeRegion, NO_APPROVED_REGIONS } from './regions';
export {
  armPathParameters,
  awsOperation,
  azureOperation,
  fillArmPath,
  type AwsOperation,
  type AzureOperation,
  type CommandInput,
  type CommandOutput,
} from './operations';
export { DEFAULT_PHI_URL_PATHS, pathPatternsOverlap, phiPathsServedBy } from './paths';
export { defineResourceType, type ResourceType } from './resource';
export { defineService, type AwsServiceModule, type AzureServiceModule, type ServiceModule } from './service';
export type { AwsCallOptions, AwsCallResult, AwsCollectContext, AwsPage } from './aws/context';
export type {
  AzureCallOptions,
  AzureCallResult,
  AzureCollectContext,
  AzureListResult,
} from './azure/context';
export { flagOf, resourceGroupOf, tagsOf, textOf } from './azure/arm';
export { mapWithConcurrency } from '../cloud/limit';
export {
  coversAllActions,
  deniesInsecureTransport,
  hasPolicyCondition,
  isEveryonePrincipal,
  policyList,
} from './aws/policy';
export { awsRegion, azureLocation, guid, isoTime, scenarioTags, accountId } from './sim/scenario';
export type { ScenarioBase } from './sim/scenario';
export type {
  AwsGenerateAccount,
  AwsServiceSim,
  AwsSimCall,
  AwsSimCallFor,
  AzureGenerateSubscription,
  AzureServiceSim,
  AzureSimAnswer,
  AzureSimCall,
  GenerateRandom,
  ScenarioIssue,
} from './sim/types';
export { awsPage, awsServiceError, withoutStack } from './sim/world';
