import { z } from 'zod';

/**
 * The seams of the assessment pipeline (ARCHITECTURE.md "Collection is separate from judgement"):
 * collectors call read-only APIs and record evidence, then hand back normalized resources;
 * rules (src/rules) judge those resources with no network.
 */

export const providerSchema = z.enum(['aws', 'azure']);
export type Provider = z.infer<typeof providerSchema>;

/** AWS partitions and Azure clouds a target can live in. */
export const cloudNameSchema = z.enum([
  'aws',
  'aws-us-gov',
  'AzureCloud',
  'AzureUSGovernment',
  'AzureChinaCloud',
  'custom',
]);
export type CloudName = z.infer<typeof cloudNameSchema>;

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

export const gapReasonSchema = z.enum([
  'access_denied',
  'throttled',
  'region_disabled',
  'timeout',
  'not_found',
  'error',
  'cancelled',
]);
export type GapReason = z.infer<typeof gapReasonSchema>;

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
  /**
   * URL path patterns that serve PHI (`/account*`, `/api/*`): the engagement's setting, defaults in
   * src/kit/paths.ts. CDN rules match cache behaviours and routes against them (pathPatternsOverlap).
   */
  phiUrlPaths: readonly string[];
  /** Every resource of the run, for rules that look across resources (e.g. a replica's region). */
  resources: readonly NormalizedResource[];
}

export const ruleStatusSchema = z.enum(['pass', 'fail', 'not_applicable']);
export type RuleStatus = z.infer<typeof ruleStatusSchema>;
export const severitySchema = z.enum(['critical', 'high', 'medium', 'low', 'info']);
export type Severity = z.infer<typeof severitySchema>;

export interface RuleResult {
  status: RuleStatus;
  /** One sentence a consultant can paste into a report: what was seen, on which resource. */
  detail: string;
  /**
   * The judged resource carries no PHI classification itself but guards or serves one that does
   * (a security group on a PHI instance, a VPC holding one): names it. A failing finding then
   * carries the rule's severityWhenPhi, as it would on the PHI resource itself.
   */
  servesPhi?: string;
}

/**
 * An operation a collector may call, spelled once in its service's operations.ts (src/kit/operations.ts
 * builds these from the SDK command class or the ARM path). The read-only guards allow exactly the
 * declared operations, and the access kit grants exactly them.
 */
export type DeclaredOperation =
  | {
      provider: 'aws';
      /** The service module's short name, e.g. 's3' */
      service: string;
      /** SDK v3 client class name, e.g. 'S3Client': the guard keys on client + command */
      client: string;
      /** SDK v3 command name, e.g. 'GetBucketEncryptionCommand' */
      command: string;
      /** IAM action the command needs, e.g. 's3:GetEncryptionConfiguration' */
      iamAction: string;
    }
  | {
      provider: 'azure';
      service: string;
      /** The REST operation id, e.g. 'StorageAccounts_List' */
      operationId: string;
      method: 'GET' | 'POST';
      /** ARM path pattern with {placeholders}, e.g. '/subscriptions/{subscriptionId}/providers/Microsoft.Storage/storageAccounts' */
      path: string;
      /** The api-version sent: one that carries every property the rules read */
      apiVersion: string;
      /** RBAC action, e.g. 'Microsoft.Storage/storageAccounts/read' */
      permission: string;
    };

export type AwsDeclaredOperation = Extract<DeclaredOperation, { provider: 'aws' }>;
export type AzureDeclaredOperation = Extract<DeclaredOperation, { provider: 'azure' }>;

/**
 * A signed-in target, built by src/cloud/connect.ts: the caller identity and the (guarded)
 * SDK clients for each region. Opaque to the orchestrator; collectors of the matching provider
 * narrow it.
 */
export interface TargetConnection {
  provider: Provider;
  target: TargetSpec;
  /** Caller identity as the cloud reports it (STS GetCallerIdentity ARN, Azure principal/tenant). */
  identity: string;
  /** Provider-specific client factory; see src/cloud/aws/clients.ts and src/cloud/azure/clients.ts */
  clients: unknown;
}

export interface CollectorContext {
  connection: TargetConnection;
  /** The region collected, or 'global' for collectors whose scope is 'global'. */
  region: string;
  signal: AbortSignal;
  /**
   * Runs one cloud API call within the run's concurrency limits (total, per target, per region,
   * per service). Collectors send every SDK call through it and may issue calls in parallel.
   * `region` names the call's own region when it differs from ctx.region (a global collector
   * calling each bucket in its home region), so the per-region budget applies to real regions.
   */
  schedule<T>(call: () => Promise<T>, region?: string): Promise<T>;
  /** Stores one raw response (or error) as evidence and returns its id. */
  record(evidence: EvidenceRecord): number;
  /** Records what could not be assessed. */
  gap(gap: CoverageGapRecord): void;
}

export interface Collector {
  /** e.g. 'aws.s3', 'azure.storage' */
  id: string;
  provider: Provider;
  /** Service name for progress and concurrency limits, e.g. 's3', 'storage' */
  service: string;
  /** 'global' collectors run once per target (S3 ListBuckets, ARM subscription-wide lists). */
  scope: 'global' | 'regional';
  operations: readonly DeclaredOperation[];
  resourceTypes: readonly string[];
  collect(ctx: CollectorContext): Promise<NormalizedResource[]>;
}
