import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { JobResult, OpInput } from '../../api/contract';
import type { Severity } from '../../kit/model';
import { getCitation } from '../../catalog/security-rule';
import { DeskError } from '../../errors';
import { AZURE_CLOUDS } from '../../cloud/azure/clouds';
import { withContext, type CliContext } from '../context';
import { EXIT } from '../exit-codes';
import { table } from '../format';
import { completedResult, followJob, parseProgressMode, type ProgressMode } from '../run-job';
import { scopeSummary } from '../scope-summary';

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

async function runAndReport(
  ctx: CliContext,
  source: OpInput<'assess.start'>['source'],
  json: boolean,
  progress: ProgressMode,
  limits?: { total: number; perTarget: number },
): Promise<JobResult<'assess'>> {
  const { jobId } = await ctx.call('assess.start', { source, ...(limits ? { limits } : {}) });
  const result = completedResult(await followJob(ctx, jobId, 'assess', 'Assessing', progress));
  if (json) console.log(JSON.stringify(result, null, 2));
  else await printAssessmentSummary(ctx, result);
  return result;
}

/** `--aws-org`: how many accounts were listed and entered, and which were skipped and why. */
export function organizationLine(
  org: NonNullable<JobResult<'assess'>['stats']['organizations']>[number],
): string {
  if (org.error && org.listed === 0) return `${org.label}: the accounts could not be listed (${org.error}).`;
  const skipped = org.skipped.map((a) => `${a.accountId} ${a.name} (${a.state})`).join(', ');
  return `${org.label}${org.managementAccountId ? ` (management account ${org.managementAccountId})` : ''}: ${org.listed} accounts listed, ${org.entered} ACTIVE entered${org.skipped.length > 0 ? `, ${org.skipped.length} skipped: ${skipped}` : ''}.`;
}

/** `--azure-all-subscriptions`: how many subscriptions were listed and entered, which were skipped. */
export function subscriptionListLine(
  list: NonNullable<JobResult<'assess'>['stats']['subscriptionLists']>[number],
): string {
  if (list.error) return `Azure, ${list.label}: the subscriptions could not be listed (${list.error}).`;
  const skipped = list.skipped.map((s) => `${s.subscriptionId} ${s.name} (${s.state})`).join(', ');
  return `Azure, ${list.label}: ${list.listed} subscriptions listed, ${list.entered} entered${list.skipped.length > 0 ? `, ${list.skipped.length} skipped: ${skipped}` : ''}.`;
}

/** What a consultant reads after a run: by safeguard, by severity, coverage gaps, what is new. */
export async function printAssessmentSummary(ctx: CliContext, result: JobResult<'assess'>): Promise<void> {
  const s = result.stats;
  const seconds = (s.durationMs / 1000).toFixed(1);
  console.log(
    `\nRun #${result.runId} ${result.status} in ${seconds} s: ${s.connectedTargets}/${s.targets} targets, ${s.evidence} evidence items, ${s.resources ?? 0} resources (${s.phiResources ?? 0} hold PHI).`,
  );
  if (result.identities.length) console.log(`Signed in as: ${result.identities.join(', ')}`);
  for (const org of s.organizations ?? []) console.log(organizationLine(org));
  for (const list of s.subscriptionLists ?? []) console.log(subscriptionListLine(list));

  // What was and was not assessed comes before any finding: a short list must not read as a clean bill.
  for (const line of scopeSummary(await ctx.call('scope.get', { runId: result.runId }))) console.log(line);

  // A partial or failed run says what it could not assess, and its gaps, before any finding.
  const gapsFirst = result.status === 'partial' || result.status === 'failed';
  if (gapsFirst) {
    console.log(`\n${result.error ?? `Assessment ${result.status}`}.`);
    await printCoverageGaps(ctx, result.runId);
  }
  // A failed run judged nothing: no finding table that could pass for a clean result.
  if (result.status === 'failed') return;

  const failing = await ctx.call('findings.list', { runId: result.runId, status: 'fail', limit: 1000 });
  const bySafeguard = new Map<string, Record<Severity, number>>();
  for (const f of failing.items) {
    const safeguards = new Set(f.citations.map((c) => getCitation(c)?.safeguard ?? 'other'));
    for (const sg of safeguards) {
      const row = bySafeguard.get(sg) ?? { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
      row[f.severity]++;
      bySafeguard.set(sg, row);
    }
  }
  console.log('\nFailing findings by safeguard and severity');
  console.log(
    table(
      ['safeguard', ...SEVERITIES, 'total'],
      [...bySafeguard.entries()].map(([sg, row]) => [
        sg,
        ...SEVERITIES.map((k) => row[k]),
        SEVERITIES.reduce((n, k) => n + row[k], 0),
      ]),
    ),
  );
  console.log(
    `\n${s.findings?.fail ?? 0} failing, ${s.findings?.pass ?? 0} passing, ${s.findings?.notApplicable ?? 0} not applicable or not assessed; ${s.baselineRunId ? `${s.newFailures ?? 0} new and ${s.resolved ?? 0} resolved since the previous run (#${s.baselineRunId})` : 'first run: no previous run to compare with'}.`,
  );

  console.log('\nFailing findings');
  console.log(
    table(
      ['severity', 'rule', 'resource', 'region', 'citations'],
      failing.items
        .slice(0, 40)
        .map((f) => [f.severity, f.ruleId, f.resourceName, f.region ?? '', f.citations.join(' ')]),
    ),
  );
  if (failing.total > 40)
    console.log(`… and ${failing.total - 40} more (npx phi-audit findings <workspace> --status fail)`);

  if (!gapsFirst) await printCoverageGaps(ctx, result.runId);
}

async function printCoverageGaps(ctx: CliContext, runId: number): Promise<void> {
  const gaps = await ctx.call('gaps.list', { runId });
  console.log(`\nCoverage gaps (${gaps.items.length}): what was NOT assessed`);
  if (gaps.items.length === 0)
    console.log('none: every call planned for the assessed services was answered (see Scope above)');
  else
    console.log(
      table(
        ['reason', 'scope', 'service', 'operation', 'region', 'detail'],
        gaps.items.map((g) => [
          g.reason,
          g.scopeId,
          g.service,
          g.operation,
          g.region,
          g.message.slice(0, 80),
        ]),
      ),
    );
}

function gateExit(result: JobResult<'assess'>, failOn: Severity | 'none'): number {
  // The gate never passes on a run that assessed nothing, whatever --fail-on says.
  if (result.status === 'failed') {
    console.error(
      `\nphi-audit: ${result.error ?? 'Assessment failed: no target could be assessed'} (exit ${EXIT.access}).`,
    );
    return EXIT.access;
  }
  // A partial run keeps the gate's exit code; the log still says what it did not assess.
  if (result.status === 'partial') console.error(`\nphi-audit: ${result.error ?? 'Assessment partial'}.`);
  if (failOn === 'none') return EXIT.ok;
  const threshold = SEVERITIES.indexOf(failOn);
  const bySeverity = result.stats.newFailuresBySeverity;
  if (!bySeverity) return EXIT.ok;
  const gated = SEVERITIES.slice(0, threshold + 1).reduce((n, sev) => n + bySeverity[sev], 0);
  if (gated > 0) {
    console.error(
      `\nphi-audit: ${gated} new failing finding(s) at severity ${failOn} or above (exit ${EXIT.gate}).`,
    );
    return EXIT.gate;
  }
  return EXIT.ok;
}

function uniqueDemoPath(dir: string): string {
  const stamp = new Date().toISOString().slice(0, 10);
  for (let i = 1; ; i++) {
    const p = join(dir, `northwind-vitals-demo-${stamp}${i > 1 ? `-${i}` : ''}.phiaudit`);
    if (!existsSync(p)) return p;
  }
}

export function registerAssess(program: Command): void {
  program
    .command('demo')
    .description('Create a workspace for the bundled demo shop and assess it against the simulated cloud.')
    .option('--out <dir>', 'folder for the demo workspace', '.')
    .option('--json', 'print the run result as JSON')
    .option(
      '--progress <mode>',
      'bar (on a terminal), lines (JSON lines on stderr, for logs) or none',
      parseProgressMode,
      'bar',
    )
    .action(async (opts: { out: string; json?: boolean; progress: ProgressMode }) => {
      await withContext(async (ctx) => {
        const path = uniqueDemoPath(resolve(opts.out));
        // The demo organisation comes with the engagement settings its story assumes.
        const { demoScenario } = await import('../../cloud/sim');
        const demo = demoScenario().engagement;
        const approvedRegions = demo?.approvedRegions ?? [];
        await ctx.call('workspace.create', {
          file: path,
          client: 'Northwind Vitals, Inc. (demo)',
          title: 'HIPAA Security Rule assessment — demo',
          periodStart: `${new Date().getUTCFullYear()}-01-01`,
          periodEnd: `${new Date().getUTCFullYear()}-12-31`,
          approvedRegions,
          ...(demo?.phiTagKeys ? { phiTagKeys: demo.phiTagKeys } : {}),
          consultant: 'Demo consultant',
        });
        if (!opts.json) console.log(`Workspace: ${path}\nApproved regions: ${approvedRegions.join(', ')}`);
        await runAndReport(ctx, { kind: 'demo' }, Boolean(opts.json), opts.progress);
        if (!opts.json) {
          console.log(`\nThe workspace is ${path}`);
          console.log(`Open it in the UI:      npm run ui -- "${path}"   (or: npx phi-audit ui "${path}")`);
          console.log(`List findings:          npx phi-audit findings "${path}" --status fail`);
          console.log(`Re-evaluate offline:    npx phi-audit evaluate "${path}"`);
        }
      });
    });

  program
    .command('assess')
    .description('Run a read-only assessment into a workspace (real clouds, or a scenario file).')
    .argument('<workspace>', 'workspace file')
    .option(
      '--aws-profile <profile>',
      'AWS named profile (SSO and assume-role profiles work); repeatable as a comma list',
      list,
    )
    .option('--aws-account <id>', 'the AWS account id of the profile (checked against STS GetCallerIdentity)')
    .option(
      '--aws-role-arn <arn>',
      'assume this read-only role (access kit) with the profile or default credentials',
    )
    .option(
      '--aws-external-id <id>',
      'the ExternalId the client’s audit role requires (the access kit’s role demands one)',
    )
    .option(
      '--aws-org',
      'assess every ACTIVE account of the AWS Organization: the profile signs in to the management account (or a delegated administrator), which lists the accounts; each is entered through --aws-org-role',
    )
    .option(
      '--aws-org-role <name>',
      'the read-only audit role in every member account (the access kit’s, deployed with StackSets)',
      'PhiAuditDeskReadOnly',
    )
    .option('--aws-partition <p>', 'aws or aws-us-gov', 'aws')
    .option('--regions <list>', 'regions to assess (AWS and Azure), comma-separated', list)
    .option('--azure-subscription <id>', 'Azure subscription id; comma list for several', list)
    .option(
      '--azure-all-subscriptions',
      'assess every subscription the Azure sign-in can list (of --azure-tenant only, when given); disabled ones are named, not assessed',
    )
    .option('--azure-tenant <id>', 'Azure tenant id')
    .option(
      '--azure-auth <method>',
      'azure-cli (default), device-code, client-secret (AZURE_CLIENT_ID/AZURE_CLIENT_SECRET env), client-certificate, default',
      'azure-cli',
    )
    .option(
      '--azure-cloud <cloud>',
      `${AZURE_CLOUDS.join(', ')} (custom: an ARM-compatible endpoint such as Azure Stack Hub)`,
      'AzureCloud',
    )
    .option(
      '--azure-arm-endpoint <url>',
      'custom cloud: the ARM endpoint (az cloud show: endpoints.resourceManager)',
    )
    .option(
      '--azure-authority-host <url>',
      'custom cloud: the sign-in authority (az cloud show: endpoints.activeDirectory)',
    )
    .option(
      '--azure-audience <url>',
      'custom cloud: the token audience, if not the ARM endpoint (az cloud show: endpoints.activeDirectoryResourceId)',
    )
    .option('--scenario <file>', 'assess a simulated cloud scenario file instead of real clouds')
    .option(
      '--concurrency <n>',
      'API calls in flight across the run (default 32; at most 16 per account or subscription)',
      (v) => {
        const n = Number.parseInt(v, 10);
        if (!Number.isInteger(n) || n < 1 || n > 256)
          throw new DeskError('BAD_INPUT', '--concurrency: a whole number from 1 to 256');
        return n;
      },
    )
    .option(
      '--fail-on <severity>',
      'exit 5 when a NEW failing finding has this severity or higher (critical, high, medium, low, info, none)',
      'high',
    )
    .option('--json', 'print the run result as JSON')
    .option(
      '--progress <mode>',
      'bar (on a terminal), lines (JSON lines on stderr, for logs) or none',
      parseProgressMode,
      'bar',
    )
    .action(async (file: string, opts: Record<string, unknown>) => {
      const failOn = String(opts.failOn) as Severity | 'none';
      if (failOn !== 'none' && !SEVERITIES.includes(failOn))
        throw new DeskError('BAD_INPUT', `--fail-on: expected one of ${SEVERITIES.join(', ')}, none`);
      const code = await withContext(async (ctx) => {
        await ctx.openWorkspace(file);
        let source: OpInput<'assess.start'>['source'];
        if (opts.scenario)
          source = {
            kind: 'scenario',
            path: resolve(String(opts.scenario)),
            ...(opts.awsOrg ? { awsOrganization: { roleName: String(opts.awsOrgRole) } } : {}),
            ...(opts.azureAllSubscriptions ? { azureAllSubscriptions: true } : {}),
          };
        else {
          const { organization, targets } = opts.awsOrg
            ? buildOrganization(opts)
            : { organization: undefined, targets: buildLiveTargets(opts) };
          const tenant = opts.azureAllSubscriptions ? buildAzureTenant(opts) : undefined;
          if (targets.length === 0 && !organization && !tenant)
            throw new DeskError(
              'BAD_INPUT',
              'Name what to assess: --aws-profile/--aws-account, --aws-org, --azure-subscription, --azure-all-subscriptions, or --scenario.',
            );
          source = {
            kind: 'live',
            targets,
            ...(organization ? { awsOrganizations: [organization] } : {}),
            ...(tenant ? { azureTenants: [tenant] } : {}),
          };
        }
        const total = opts.concurrency as number | undefined;
        const result = await runAndReport(
          ctx,
          source,
          Boolean(opts.json),
          opts.progress as ProgressMode,
          total ? { total, perTarget: Math.min(total, 16) } : undefined,
        );
        return gateExit(result, failOn);
      });
      process.exitCode = code;
    });

  program
    .command('evaluate')
    .description(
      'Recompute findings from the stored resources, with no network (after a rule or settings change, or on a workspace collected by someone else).',
    )
    .argument('<workspace>', 'workspace file')
    .option('--json', 'print as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      await withContext(async (ctx) => {
        await ctx.openWorkspace(file);
        const r = await ctx.call('assess.evaluate', {});
        if (opts.json) {
          console.log(JSON.stringify(r, null, 2));
          return;
        }
        const st = r.stats;
        console.log(
          `Run #${r.runId} (evaluate) judged the ${st.resources} resources of run #${r.sourceRunId} offline.`,
        );
        console.log(
          `${st.findings.fail} failing, ${st.findings.pass} passing, ${st.findings.notApplicable} not applicable; ${st.newFailures} new, ${st.resolved} resolved.`,
        );
      });
    });
}

/** The Azure sign-in the flags name: cloud (checked), sign-in selectors and regions. */
function azureSignIn(opts: Record<string, unknown>): {
  cloud: (typeof AZURE_CLOUDS)[number];
  auth: LiveSource['targets'][number]['auth'];
  regions: string[];
} {
  const azureCloud = String(opts.azureCloud);
  if (!(AZURE_CLOUDS as readonly string[]).includes(azureCloud))
    throw new DeskError(
      'BAD_INPUT',
      `--azure-cloud: expected one of ${AZURE_CLOUDS.join(', ')}, not "${azureCloud}"`,
    );
  const customEndpoints = {
    ...(opts.azureArmEndpoint ? { armEndpoint: String(opts.azureArmEndpoint) } : {}),
    ...(opts.azureAuthorityHost ? { authorityHost: String(opts.azureAuthorityHost) } : {}),
    ...(opts.azureAudience ? { audience: String(opts.azureAudience) } : {}),
  };
  if (azureCloud === 'custom' && (!customEndpoints.armEndpoint || !customEndpoints.authorityHost))
    throw new DeskError(
      'BAD_INPUT',
      '--azure-cloud custom needs --azure-arm-endpoint and --azure-authority-host (and --azure-audience for Azure Stack Hub); `az cloud show` prints them.',
    );
  if (azureCloud !== 'custom' && Object.keys(customEndpoints).length > 0)
    throw new DeskError(
      'BAD_INPUT',
      `--azure-arm-endpoint, --azure-authority-host and --azure-audience are for --azure-cloud custom; ${azureCloud}'s endpoints are known.`,
    );
  const regions = ((opts.regions as string[] | undefined) ?? []).filter(
    (r) => !/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(r),
  );
  return {
    cloud: azureCloud as (typeof AZURE_CLOUDS)[number],
    auth: {
      method: String(opts.azureAuth) as 'azure-cli',
      ...(opts.azureTenant ? { tenantId: String(opts.azureTenant) } : {}),
      ...customEndpoints,
    },
    regions,
  };
}

function buildLiveTargets(
  opts: Record<string, unknown>,
): NonNullable<Extract<OpInput<'assess.start'>['source'], { kind: 'live' }>['targets']> {
  const regions = (opts.regions as string[] | undefined) ?? [];
  const targets: Extract<OpInput<'assess.start'>['source'], { kind: 'live' }>['targets'] = [];
  const profiles = (opts.awsProfile as string[] | undefined) ?? [];
  if (opts.awsPartition !== 'aws' && opts.awsPartition !== 'aws-us-gov')
    throw new DeskError(
      'BAD_INPUT',
      `--aws-partition: expected aws or aws-us-gov, not "${String(opts.awsPartition)}"`,
    );
  const partition = opts.awsPartition;
  const awsRegions = regions.filter((r) => /^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(r));
  if (profiles.length > 0 || opts.awsAccount || opts.awsRoleArn) {
    for (const profile of profiles.length > 0 ? profiles : [undefined]) {
      targets.push({
        provider: 'aws',
        label: profile ? `AWS profile ${profile}` : 'AWS default credentials',
        cloud: partition,
        scopeId: String(opts.awsAccount ?? 'from-credentials'),
        regions:
          awsRegions.length > 0
            ? awsRegions
            : partition === 'aws-us-gov'
              ? ['us-gov-west-1', 'us-gov-east-1']
              : ['us-east-1'],
        auth: {
          method: opts.awsRoleArn ? 'assume-role' : profile ? 'profile' : 'default',
          ...(profile ? { profile } : {}),
          ...(opts.awsRoleArn ? { roleArn: String(opts.awsRoleArn) } : {}),
          ...(opts.awsExternalId ? { externalId: String(opts.awsExternalId) } : {}),
        },
      });
    }
  }
  const subscriptions = (opts.azureSubscription as string[] | undefined) ?? [];
  if (subscriptions.length > 0 || opts.azureAllSubscriptions) {
    const azure = azureSignIn(opts);
    for (const sub of subscriptions)
      targets.push({ provider: 'azure', label: `Azure subscription ${sub}`, scopeId: sub, ...azure });
  }
  return targets;
}

type LiveSource = Extract<OpInput<'assess.start'>['source'], { kind: 'live' }>;

/**
 * `--aws-org`: the profile (or default chain) signs in to the management account; the Azure
 * subscriptions named beside it are assessed as usual.
 */
function buildOrganization(opts: Record<string, unknown>): {
  organization: NonNullable<LiveSource['awsOrganizations']>[number];
  targets: LiveSource['targets'];
} {
  const profiles = (opts.awsProfile as string[] | undefined) ?? [];
  if (profiles.length > 1)
    throw new DeskError('BAD_INPUT', '--aws-org signs in to one management account: name one --aws-profile.');
  if (opts.awsRoleArn || opts.awsAccount)
    throw new DeskError(
      'BAD_INPUT',
      '--aws-org finds the accounts itself: leave out --aws-account and --aws-role-arn (use --aws-org-role for the member role).',
    );
  const profile = profiles[0];
  // Without --aws-profile/--aws-account/--aws-role-arn this yields the Azure subscriptions only.
  const targets = buildLiveTargets({ ...opts, awsProfile: [] });
  const partition = opts.awsPartition === 'aws-us-gov' ? 'aws-us-gov' : 'aws';
  const regions = ((opts.regions as string[] | undefined) ?? []).filter((r) =>
    /^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(r),
  );
  return {
    organization: {
      label: `AWS Organization (${profile ? `profile ${profile}` : 'default credentials'})`,
      cloud: partition,
      auth: profile ? { method: 'profile', profile } : { method: 'default' },
      roleName: String(opts.awsOrgRole),
      ...(opts.awsExternalId ? { externalId: String(opts.awsExternalId) } : {}),
      regions: regions.length > 0 ? regions : [partition === 'aws-us-gov' ? 'us-gov-west-1' : 'us-east-1'],
    },
    targets,
  };
}

/** `--azure-all-subscriptions`: the sign-in whose listed subscriptions are all assessed. */
function buildAzureTenant(opts: Record<string, unknown>): NonNullable<LiveSource['azureTenants']>[number] {
  return {
    label: opts.azureTenant ? `all subscriptions of tenant ${String(opts.azureTenant)}` : 'all subscriptions',
    ...azureSignIn(opts),
  };
}
