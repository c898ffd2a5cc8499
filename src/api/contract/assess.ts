import { z } from 'zod';
import {
  cloudNameSchema,
  providerSchema,
  ruleStatusSchema,
  severitySchema as kitSeveritySchema,
} from '../../kit/model';
import { awsAuthMethods, azureAuthMethods } from '../../cloud/auth-methods';
import { defineOperation } from './define';
import { evaluationResultSchema, runStatusSchema, storedRunStatsSchema } from './run-results';

const severitySchema = kitSeveritySchema;
const statusSchema = ruleStatusSchema;

/** An endpoint of a custom Azure cloud: an https URL (tokens travel to it). */
const httpsEndpoint = z
  .string()
  .trim()
  .max(500)
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'an https URL, e.g. https://management.local.azurestack.external');

/** Non-secret sign-in selectors only: a secret typed here would end up in the workspace. */
export const targetAuthSchema = z
  .object({
    method: z.union([z.enum(awsAuthMethods), z.enum(azureAuthMethods)]),
    profile: z.string().max(200).optional(),
    roleArn: z.string().max(300).optional(),
    externalId: z.string().max(300).optional(),
    tenantId: z.string().max(100).optional(),
    clientId: z.string().max(100).optional(),
    certificatePath: z.string().max(4096).optional(),
    /** Custom Azure cloud only: ARM endpoint, Entra/ADFS authority host and token audience */
    armEndpoint: httpsEndpoint.optional(),
    authorityHost: httpsEndpoint.optional(),
    audience: httpsEndpoint.optional(),
  })
  .strict();

/** 'custom' is both: an AWS emulator reached through AWS_ENDPOINT_URL, or an ARM-compatible Azure cloud. */
const cloudsOf: Record<'aws' | 'azure', readonly string[]> = {
  aws: ['aws', 'aws-us-gov', 'custom'],
  azure: ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud', 'custom'],
};

export const targetInputSchema = z.object({
  provider: providerSchema,
  label: z.string().trim().min(1).max(200),
  cloud: cloudNameSchema,
  scopeId: z.string().trim().min(1, 'the AWS account id or Azure subscription id').max(100),
  regions: z.array(z.string().trim().min(2).max(40)).max(60),
  auth: targetAuthSchema,
});

/**
 * A target as the API accepts it: the cloud belongs to the provider, and a custom Azure cloud names
 * its ARM endpoint and authority host (a national cloud must not: its endpoints are known).
 */
export const checkedTargetInputSchema = targetInputSchema.superRefine((target, ctx) => {
  if (!cloudsOf[target.provider].includes(target.cloud))
    ctx.addIssue({
      code: 'custom',
      path: ['cloud'],
      message:
        target.provider === 'aws'
          ? 'an AWS target is in the aws or aws-us-gov partition'
          : 'an Azure target is in AzureCloud, AzureUSGovernment, AzureChinaCloud or a custom cloud',
    });
  const custom = target.provider === 'azure' && target.cloud === 'custom';
  for (const field of ['armEndpoint', 'authorityHost'] as const) {
    if (custom && !target.auth[field])
      ctx.addIssue({
        code: 'custom',
        path: ['auth', field],
        message: `a custom Azure cloud needs its ${field === 'armEndpoint' ? 'ARM endpoint' : 'authority host'}`,
      });
  }
  for (const field of ['armEndpoint', 'authorityHost', 'audience'] as const) {
    if (!custom && target.auth[field])
      ctx.addIssue({
        code: 'custom',
        path: ['auth', field],
        message: `only a custom Azure cloud takes ${field}: ${target.cloud}'s endpoints are known`,
      });
  }
});

const iamRoleName = z
  .string()
  .trim()
  .regex(/^[\w+=,.@-]{1,64}$/, 'an IAM role name, e.g. PhiAuditDeskReadOnly');

/**
 * An AWS Organization to assess (`--aws-org`): the management account's sign-in, and the audit
 * role every member account holds (the access kit's, deployed with StackSets).
 */
export const awsOrganizationInputSchema = z.object({
  label: z.string().trim().min(1).max(200),
  cloud: z.enum(['aws', 'aws-us-gov']),
  /** The management account's (or delegated administrator's) sign-in; no role to assume */
  auth: targetAuthSchema.refine((auth) => ['profile', 'env', 'default'].includes(auth.method), {
    message: 'the management account signs in with a profile, the environment or the default chain',
  }),
  roleName: iamRoleName,
  externalId: z.string().max(300).optional(),
  regions: z.array(z.string().trim().min(2).max(40)).max(60),
});

/** Every subscription a sign-in can list (`--azure-all-subscriptions`), optionally of one tenant. */
export const azureTenantInputSchema = z
  .object({
    label: z.string().trim().min(1).max(200),
    cloud: z.enum(['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud', 'custom']),
    auth: targetAuthSchema,
    regions: z.array(z.string().trim().min(2).max(40)).max(60),
  })
  .superRefine((tenant, ctx) => {
    if (!(azureAuthMethods as readonly string[]).includes(tenant.auth.method))
      ctx.addIssue({ code: 'custom', path: ['auth', 'method'], message: 'an Azure sign-in method' });
    if (tenant.cloud === 'custom' && (!tenant.auth.armEndpoint || !tenant.auth.authorityHost))
      ctx.addIssue({
        code: 'custom',
        path: ['auth', 'armEndpoint'],
        message: 'a custom Azure cloud needs its ARM endpoint and authority host',
      });
  });

export const targetSchema = targetInputSchema.extend({
  id: z.number(),
  cloud: z.string(),
  auth: z.record(z.string(), z.string()),
  createdAt: z.string(),
});

export const runSchema = z.object({
  id: z.number(),
  kind: z.string(),
  status: runStatusSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  toolVersion: z.string(),
  rulesetVersion: z.string(),
  scenario: z.string().nullable(),
  identities: z.array(z.string()),
  stats: storedRunStatsSchema,
  error: z.string().nullable(),
  sourceRunId: z.number().nullable(),
  failing: z.number(),
});

export const findingSchema = z.object({
  id: z.number(),
  key: z.string(),
  ruleId: z.string(),
  ruleTitle: z.string(),
  nativeId: z.string(),
  resourceName: z.string(),
  resourceType: z.string().nullable(),
  provider: z.string().nullable(),
  scopeId: z.string().nullable(),
  region: z.string().nullable(),
  phi: z.boolean(),
  status: statusSchema,
  severity: severitySchema,
  detail: z.string(),
  citations: z.array(z.string()),
  evidenceIds: z.array(z.number()),
  change: z.enum(['new', 'unchanged', 'resolved']),
  triageStatus: z.string().nullable(),
  triageOwner: z.string().nullable(),
});

export const gapSchema = z.object({
  id: z.number(),
  provider: z.string(),
  scopeId: z.string(),
  service: z.string(),
  operation: z.string(),
  region: z.string(),
  reason: z.string(),
  message: z.string(),
  evidenceId: z.number().nullable(),
});

const limitsSchema = z
  .object({
    total: z.number().int().min(1).max(256),
    perTarget: z.number().int().min(1).max(256),
    perRegion: z.number().int().min(1).max(256),
    perService: z.number().int().min(1).max(256),
  })
  .partial();

export const assessOps = {
  'targets.list': defineOperation({
    summary: 'AWS accounts and Azure subscriptions assessed in this workspace.',
    input: z.object({}),
    output: z.array(targetSchema),
  }),
  'runs.list': defineOperation({
    summary: 'Assessment and evaluation runs, newest first.',
    input: z.object({}),
    output: z.array(runSchema),
  }),
  'assess.start': defineOperation({
    summary: 'Start a read-only assessment (a job with progress events).',
    input: z.object({
      source: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('demo') }),
        z.object({
          kind: z.literal('scenario'),
          path: z.string().trim().min(1).max(4096),
          /** Enter the scenario's AWS accounts through its organization's listing, as --aws-org does */
          awsOrganization: z.object({ roleName: iamRoleName }).optional(),
          /** Find the scenario's Azure subscriptions by listing them, as --azure-all-subscriptions does */
          azureAllSubscriptions: z.boolean().optional(),
        }),
        z
          .object({
            kind: z.literal('live'),
            targets: z.array(checkedTargetInputSchema),
            awsOrganizations: z.array(awsOrganizationInputSchema).max(20).optional(),
            azureTenants: z.array(azureTenantInputSchema).max(20).optional(),
          })
          .refine(
            (live) =>
              live.targets.length > 0 ||
              (live.awsOrganizations?.length ?? 0) > 0 ||
              (live.azureTenants?.length ?? 0) > 0,
            {
              message: 'add at least one target',
              path: ['targets'],
            },
          ),
      ]),
      limits: limitsSchema.optional(),
    }),
    output: z.object({ jobId: z.string() }),
  }),
  'assess.evaluate': defineOperation({
    summary: 'Recompute findings from stored resources, offline.',
    input: z.object({}),
    output: evaluationResultSchema,
  }),
  'findings.list': defineOperation({
    summary: 'Findings of a run (default: the newest), filtered and paged.',
    input: z.object({
      runId: z.number().int().optional(),
      status: statusSchema.optional(),
      severity: z.array(severitySchema).optional(),
      change: z.enum(['new', 'unchanged', 'resolved']).optional(),
      phiOnly: z.boolean().optional(),
      query: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(1000).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({ runId: z.number().nullable(), total: z.number(), items: z.array(findingSchema) }),
  }),
  'finding.detail': defineOperation({
    summary: 'One finding with its rule (rationale, remediation, citations) and evidence.',
    input: z.object({ id: z.number().int() }),
    output: z.object({
      finding: findingSchema,
      rule: z
        .object({
          id: z.string(),
          title: z.string(),
          severity: severitySchema,
          citations: z.array(z.object({ citation: z.string(), title: z.string() })),
          failurePattern: z.string(),
          rationale: z.string(),
          remediation: z.object({
            text: z.string(),
            terraform: z.string().optional(),
            cloudformation: z.string().optional(),
            bicep: z.string().optional(),
            cli: z.string().optional(),
          }),
        })
        .nullable(),
      evidence: z.array(
        z.object({
          id: z.number(),
          service: z.string(),
          operation: z.string(),
          region: z.string(),
          outcome: z.string(),
          sha256: z.string(),
          collectedAt: z.string(),
        }),
      ),
      properties: z.record(z.string(), z.unknown()).nullable(),
      tags: z.record(z.string(), z.string()).nullable(),
    }),
  }),
  'gaps.list': defineOperation({
    summary: 'Coverage gaps: what could not be assessed, where and why.',
    input: z.object({ runId: z.number().int().optional() }),
    output: z.object({ runId: z.number().nullable(), items: z.array(gapSchema) }),
  }),
  'evidence.get': defineOperation({
    summary: 'One evidence item: request, response body and SHA-256.',
    input: z.object({ id: z.number().int() }),
    output: z.object({
      id: z.number(),
      runId: z.number(),
      provider: z.string(),
      scopeId: z.string(),
      service: z.string(),
      operation: z.string(),
      region: z.string(),
      request: z.unknown(),
      outcome: z.string(),
      errorCode: z.string().nullable(),
      errorMessage: z.string().nullable(),
      sha256: z.string(),
      collectedAt: z.string(),
      callerIdentity: z.string(),
      body: z.string(),
    }),
  }),
  'accessKit.get': defineOperation({
    summary:
      'The least-privilege IAM policy, CloudFormation role template and Azure custom role a client must grant.',
    input: z.object({
      trustedPrincipalArn: z.string().max(300).optional(),
      externalId: z.string().max(300).optional(),
    }),
    output: z.object({
      /** The ExternalId the CloudFormation role requires, and where it came from */
      externalId: z.string(),
      externalIdSource: z.enum(['given', 'engagement', 'generated']),
      awsIamPolicy: z.string(),
      awsCloudFormation: z.string(),
      azureCustomRole: z.string(),
    }),
  }),
} as const;
