import type { BackupPlansListMember } from '@aws-sdk/client-backup';
import { mapWithConcurrency, type AwsCollectContext, type NormalizedResource } from '../../../kit';
import { rulesFrom, selectionFrom } from './normalize';
import { ops } from './operations';
import { backupPlan, type BackupPlanProperties, type BackupSelectionProperties } from './resource';

/** Page size asked of every AWS Backup list (1–1000). */
const maxResults = 1000;
/** Plans read at once; the orchestrator's limiter is the real bound. */
const planFanOut = 8;
/** A plan or selection deleted between its listing and its read. */
const gone = ['ResourceNotFoundException'];

async function vaultKeys(
  ctx: AwsCollectContext,
): Promise<{ keys: Map<string, string>; evidenceIds: number[] }> {
  const { pages } = await ctx.pages(
    ops.listBackupVaults.command,
    { MaxResults: maxResults },
    { inputToken: 'NextToken', outputToken: 'NextToken' },
  );
  const keys = new Map<string, string>();
  for (const page of pages)
    for (const vault of page.output.BackupVaultList ?? [])
      if (vault.BackupVaultName && vault.EncryptionKeyArn)
        keys.set(vault.BackupVaultName, vault.EncryptionKeyArn);
  return { keys, evidenceIds: pages.map((page) => page.evidenceId) };
}

async function listPlans(ctx: AwsCollectContext) {
  const { pages } = await ctx.pages(
    ops.listBackupPlans.command,
    { MaxResults: maxResults },
    { inputToken: 'NextToken', outputToken: 'NextToken' },
  );
  return pages.flatMap((page) =>
    (page.output.BackupPlansList ?? []).map((item) => ({ item, evidenceId: page.evidenceId })),
  );
}

/** Every selection of a plan, read one by one; null when any list page or read failed (coverage unknown). */
async function selectionsOf(
  ctx: AwsCollectContext,
  planId: string,
  subject: string,
): Promise<{ selections: BackupSelectionProperties[] | null; evidenceIds: number[] }> {
  const { pages, complete } = await ctx.pages(
    ops.listBackupSelections.command,
    { BackupPlanId: planId, MaxResults: maxResults },
    { inputToken: 'NextToken', outputToken: 'NextToken', subject, notConfigured: gone },
  );
  const evidenceIds = pages.map((page) => page.evidenceId);
  if (!complete) return { selections: null, evidenceIds };
  const listed = pages.flatMap((page) => page.output.BackupSelectionsList ?? []);
  const reads = await Promise.all(
    listed.map((entry) =>
      entry.SelectionId
        ? ctx.call(
            ops.getBackupSelection.command,
            { BackupPlanId: planId, SelectionId: entry.SelectionId },
            {
              subject: `${subject}, selection ${entry.SelectionName ?? entry.SelectionId}`,
              notConfigured: gone,
            },
          )
        : null,
    ),
  );
  const selections: BackupSelectionProperties[] = [];
  let allRead = true;
  reads.forEach((read, i) => {
    if (!read) return;
    evidenceIds.push(read.evidenceId);
    // A selection deleted since it was listed protects nothing any more: left out, not a gap.
    if (read.status === 'not_configured') return;
    if (read.status !== 'ok' || !read.output.BackupSelection) {
      allRead = false;
      return;
    }
    selections.push(selectionFrom(listed[i]?.SelectionId ?? '', read.output.BackupSelection));
  });
  return { selections: allRead ? selections : null, evidenceIds };
}

async function describe(
  ctx: AwsCollectContext,
  listed: { item: BackupPlansListMember; evidenceId: number },
  vaults: { keys: Map<string, string>; evidenceIds: number[] },
): Promise<NormalizedResource | null> {
  const { item } = listed;
  if (!item.BackupPlanId || !item.BackupPlanArn) return null;
  const subject = item.BackupPlanName ?? item.BackupPlanId;
  const [plan, selections] = await Promise.all([
    ctx.call(
      ops.getBackupPlan.command,
      { BackupPlanId: item.BackupPlanId },
      { subject, notConfigured: gone },
    ),
    selectionsOf(ctx, item.BackupPlanId, subject),
  ]);
  // Deleted since it was listed: nothing left to judge.
  if (plan.status === 'not_configured') return null;
  const properties: BackupPlanProperties = { planId: item.BackupPlanId, versionId: item.VersionId ?? null };
  if (plan.status === 'ok') properties.rules = rulesFrom(plan.output.BackupPlan?.Rules, vaults.keys);
  if (selections.selections) properties.selections = selections.selections;
  return ctx.resource({
    type: backupPlan.type,
    nativeId: item.BackupPlanArn,
    name: subject,
    region: ctx.region,
    // Plan tags (ListTags) are not read: a plan is classified through what it copies, not its own tags.
    tags: {},
    properties: { ...properties },
    evidenceIds: [listed.evidenceId, plan.evidenceId, ...selections.evidenceIds, ...vaults.evidenceIds],
  });
}

/** AWS Backup plans of one account and region, with their rules, copy actions and selections. */
export async function collectBackupPlans(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const [vaults, plans] = await Promise.all([vaultKeys(ctx), listPlans(ctx)]);
  const described = await mapWithConcurrency(plans, planFanOut, (each) => describe(ctx, each, vaults));
  return described.filter((each): each is NormalizedResource => each !== null);
}
