/**
 * The seams of the assessment pipeline (ARCHITECTURE.md "Collection is separate from judgement"):
 * collectors call read-only APIs and record evidence, then hand back normalized resources;
 * rules (src/rules) judge those resources with no network.
 */

export type Provider = 'aws' | 'azure';

/** AWS partitions and Azure clouds a target can live in. */
export type CloudName = 'aws' | 'aws-us-gov' | 'AzureCloud' | 'AzureUSGovernment' | 'custom';

/** One assessment scope: an AWS account or an Azure subscription. No secret is ever part of it. */
export interface TargetSpec {
  /** target.id in the workspace, once persisted */
  id?: number;
  provider: Provider;
  label: string;
  cloud: CloudName;
  /** AWS account id or Azure subscription id */
  scopeId: string;
  regions: string[];
  /** Non-secret selectors only: AWS profile name / role ARN; Azure tenant id, client id, method. */
  auth: Record<string, string>;
}

export interface EvidenceRecord {
  service: string;
  operation: string;
  region: string;
  request: unknown;
  outcome: 'ok' | 'error';
  /** The raw response body (ok) or the error body (error). Stored content-addressed. */
  response: unknown;
  errorCode?: string;
  errorMessage?: string;
}

export type GapReason = 'access_denied' | 'throttled' | 'region_disabled' | 'timeout' | 'not_found' | 'error' | 'cancelled';

export interface CoverageGapRecord {
  service: string;
  operation: string;
  region: string;
  reason: GapReason;
  message: string;
  evidenceId?: number;
}

export interface NormalizedResource {
  provider: Provider;
  /** e.g. 'aws.s3.bucket', 'azure.storage.account' */
  type: string;
  /** ARN or Azure resource id: stable across runs. */
  nativeId: string;
  name: string;
  scopeId: string;
  region: string;
  tags: Record<string, string>;
  /** Type-specific facts the rules read. A property that could not be collected is absent (undefined). */
  properties: Record<string, unknown>;
  /** Set by the orchestrator from the engagement's PHI tag keys; collectors leave it false. */
  phi: boolean;
  phiReason: string | null;
  /** ids of the evidence rows this resource was built from */
  evidenceIds: number[];
}

export interface RuleContext {
  approvedRegions: string[];
  phiTagKeys: string[];
  /** Every resource of the run, for rules that look across resources (e.g. a replica's region). */
  resources: readonly NormalizedResource[];
}

export type RuleStatus = 'pass' | 'fail' | 'not_applicable';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export interface RuleResult {
  status: RuleStatus;
  /** One sentence a consultant can paste into a report: what was seen, on which resource. */
  detail: string;
}
