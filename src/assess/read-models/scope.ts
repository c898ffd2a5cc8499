/**
 * The one read model of a run's scope: what was assessed, where, as whom, and what was not. The
 * CLI run summary, the Assessments and Findings screens (scope.get) and the report's executive
 * summary and scope section read it, so none of them can call an area assessed that no collector
 * covered (164.308(a)(1)(ii)(A): a risk analysis must be accurate and thorough about its scope).
 *
 * Pure over the workspace and the registry. Facts come from the collection run (an evaluate run
 * judges another run's collection): its evidence (which collectors ran, the caller identity), its
 * coverage gaps (sign-in failures are gaps with operation 'sign-in') and its resources. Inventory
 * records (resource types marked `inventory`) that no assessed resource of the run matches by
 * native id are "inventoried only". When the run holds no inventory record and no inventory
 * service ran, the inventory was not collected: the model says so instead of counting zero.
 */
import { awsEligibleSource, awsServiceCodes } from '../../catalog/aws-eligible';
import { azureServices, azureServicesSource } from '../../catalog/azure-services';
import { eligibilityListAge } from '../../catalog/list-age';
import { DeskError } from '../../errors';
import type { Registry } from '../../kit/registry';
import type { InventorySourceSpec, ServiceModule } from '../../kit/service';
import { registry } from '../../services';
import type { Workspace } from '../../workspace/workspace';
import { collectionRunOf, listRuns } from '../queries';

export const INVENTORY_NOT_COLLECTED =
  'the inventory was not collected, so resources outside the assessed services are unknown';

export interface ScopeResourceType {
  type: string;
  label: string;
  /** Resources of this type collected for the target in the run (0 when the collector found none). */
  count: number;
  /** Ids of the rules that judge this type. */
  rules: string[];
  /** The label for several ('KMS keys') */
  plural: string;
}

export interface ScopeService {
  /** Service module id, e.g. 'aws.s3' */
  id: string;
  title: string;
  resourceTypes: ScopeResourceType[];
}

export interface InventoriedGroup {
  provider: 'aws' | 'azure';
  /** AWS service code ('sqs') or ARM namespace ('Microsoft.Sql') */
  service: string;
  /** A readable service name ('Amazon Simple Queue Service (SQS)'), the code when unknown */
  serviceLabel: string;
  /** AWS '<service>:<type>' ('sqs:queue') or ARM type ('Microsoft.Sql/servers') */
  resourceType: string;
  count: number;
  /** Whether any service module collects this service (its other resource types, say) */
  hasCollector: boolean;
}

export interface ScopeGap {
  service: string;
  operation: string;
  region: string;
  reason: string;
  message: string;
}

export interface RegionOutside {
  region: string;
  /** Resources (and replicas) seen there, e.g. ['1 S3 bucket', '1 Storage account replica'] */
  what: string[];
  count: number;
}

export interface TargetScope {
  targetId: number;
  provider: 'aws' | 'azure';
  label: string;
  cloud: string;
  scopeId: string;
  signedIn: boolean;
  /** Why the sign-in failed; null when signed in. */
  signInError: string | null;
  /** Caller identities seen in the run's evidence for this target. */
  identities: string[];
  /** The target's regions: where regional collectors ran. Empty: none named. */
  regions: string[];
  /** Regions where resources (or replicas) of the target were seen outside `regions`. */
  regionsOutside: RegionOutside[];
  /** Services whose collectors ran for the target (inventory services excluded). */
  services: ScopeService[];
  assessedResources: number;
  gaps: ScopeGap[];
  inventory: {
    /** False: no inventory record and no inventory service in the run for this target. */
    collected: boolean;
    /** Inventory records that no assessed resource matches. */
    notAssessed: number;
    groups: InventoriedGroup[];
    /** The sources that answered in each region, by label ('Resource Explorer', 'tagging API') */
    sources: { region: string; sources: string[] }[];
    /** Printed after 'Inventory:': the sources, and what they could not see; null when not stated */
    sourcesLine: string | null;
  };
}

export interface RunScope {
  /** The run asked for (or the default), and the collection run whose facts are shown. */
  runId: number | null;
  collectionRunId: number | null;
  targets: TargetScope[];
  totals: {
    targets: number;
    signedIn: number;
    assessedResources: number;
    inventoriedOnly: number;
    /** Distinct services (code or namespace) among the inventoried-only records */
    inventoriedOnlyServices: number;
    gaps: number;
  };
  /** Titles of the services assessed in at least one target, in registry order. */
  servicesAssessed: string[];
  /** True when at least one target's inventory was collected. */
  inventoryCollected: boolean;
  /** Services the inventory saw that no service module collects at all. */
  uncoveredServices: { provider: 'aws' | 'azure'; service: string; serviceLabel: string; count: number }[];
  /** One line: "Assessed: … in 3 targets · Inventoried only: … · 4 coverage gaps". */
  summary: string;
  /**
   * The dated HIPAA service lists the run's eligibility checks used (one per provider whose
   * inventory was collected), with their age on the run's date: printed wherever the check is.
   */
  eligibilityLists: EligibilityListUse[];
}

export interface EligibilityListUse {
  provider: 'aws' | 'azure';
  title: string;
  /** The list's own date (AWS) or the date the product's list was compiled (Azure) */
  date: string;
  /** Whole months from the list's date to the run's start */
  ageMonths: number;
  /** A warning to print beside the date: the list is stale, or (Azure) per-service scope is unverified */
  warning: string | null;
}

/** The lists behind aws.inventory / azure.resourcegraph's eligibility rules, aged on the run's date. */
function eligibilityListsOf(
  targets: readonly TargetScope[],
  runStartedAt: string | null,
): EligibilityListUse[] {
  if (!runStartedAt) return [];
  const providers = new Set(targets.filter((t) => t.inventory.collected).map((t) => t.provider));
  const uses: EligibilityListUse[] = [];
  if (providers.has('aws')) {
    const age = eligibilityListAge(awsEligibleSource.listDate, runStartedAt);
    uses.push({
      provider: 'aws',
      title: awsEligibleSource.title,
      date: awsEligibleSource.listDate,
      ageMonths: age.months,
      warning: age.warning,
    });
  }
  if (providers.has('azure')) {
    const age = eligibilityListAge(azureServicesSource.compiledOn, runStartedAt);
    uses.push({
      provider: 'azure',
      title: azureServicesSource.title,
      date: azureServicesSource.compiledOn,
      ageMonths: age.months,
      warning: `Microsoft publishes no machine-readable per-service HIPAA BAA list: a listed namespace is known to this product, not confirmed in scope.${age.warning ? ` ${age.warning}` : ''}`,
    });
  }
  return uses;
}

interface ResourceRow {
  target_id: number | null;
  provider: 'aws' | 'azure';
  scope_id: string;
  type: string;
  native_id: string;
  region: string;
  properties: string;
}

/** What the model needs of the registry; tests pass one with a test-only inventory service. */
export type ScopeCatalog = Pick<Registry, 'services' | 'resourceType' | 'rulesForType'>;

const isInventoryService = (service: ServiceModule) =>
  service.resources.length > 0 && service.resources.every((r) => r.inventory);

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** The same resource whatever the case of an ARM id (ARM ids are case-insensitive; ARNs are not). */
function nativeKey(provider: string, nativeId: string): string {
  return provider === 'azure' ? `azure|${nativeId.toLowerCase()}` : `${provider}|${nativeId}`;
}

function serviceModule(catalog: ScopeCatalog, provider: string, short: string): ServiceModule | undefined {
  return catalog.services.find((s) => s.provider === provider && s.service === short);
}

/** Service and type of an inventory record, from its properties or else its ARN / ARM id. */
function inventoryKind(r: ResourceRow): { service: string; resourceType: string } {
  const p = JSON.parse(r.properties) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  if (r.provider === 'aws') {
    const parts = r.native_id.split(':');
    const resource = parts.slice(5).join(':');
    const service = str(p.service) ?? parts[2] ?? 'unknown';
    const type = str(p.resourceType) ?? (resource.split(/[/:]/)[0] || 'resource');
    // Always '<service>:<type>', as the inventory records it ('sqs:queue').
    return { service, resourceType: type.includes(':') ? type : `${service}:${type}` };
  }
  const m = /\/providers\/([^/]+)\/([^/]+)/i.exec(r.native_id);
  const type = str(p.type) ?? (m ? `${m[1]}/${m[2]}` : 'unknown');
  return { service: str(p.namespace) ?? type.split('/')[0] ?? 'unknown', resourceType: type };
}

function serviceLabel(provider: 'aws' | 'azure', service: string): string {
  if (provider === 'aws') return awsServiceCodes[service.toLowerCase()] ?? service;
  const lower = service.toLowerCase();
  return azureServices.find((s) => s.namespaces.some((n) => n.toLowerCase() === lower))?.name ?? service;
}

function hasCollector(catalog: ScopeCatalog, provider: 'aws' | 'azure', service: string): boolean {
  const lower = service.toLowerCase();
  return catalog.services.some(
    (s) =>
      !isInventoryService(s) &&
      s.provider === provider &&
      (s.provider === 'aws'
        ? s.service === lower || s.hipaaListName.toLowerCase() === lower
        : s.namespace.toLowerCase() === lower),
  );
}

/**
 * The sources of an inventory that answered in each region: a source answered where its listing
 * operation returned ok and recorded no gap there.
 */
function answeredSources(
  specs: readonly InventorySourceSpec[],
  regions: readonly string[],
  ok: readonly { operation: string; region: string }[],
  gaps: readonly { operation: string; region: string }[],
): { region: string; sources: string[] }[] {
  return regions.map((region) => ({
    region,
    sources: specs
      .filter(
        (spec) =>
          ok.some((e) => e.operation === spec.operation && e.region === region) &&
          !gaps.some((g) => g.operation === spec.operation && g.region === region),
      )
      .map((spec) => spec.label),
  }));
}

/**
 * What follows "Inventory:" wherever the scope is shown: "Resource Explorer, AWS Config, tagging
 * API", per group of regions when they differ;
 * where only sources that miss something answered, says what they miss.
 */
export function inventorySourcesLine(
  specs: readonly InventorySourceSpec[],
  sources: readonly { region: string; sources: string[] }[],
): string | null {
  if (specs.length === 0 || sources.length === 0) return null;
  const groups = new Map<string, string[]>();
  for (const each of sources) {
    const key = each.sources.join(', ');
    groups.set(key, [...(groups.get(key) ?? []), each.region]);
  }
  const phrase = (labels: string, regions: string[]) => {
    const used = specs.filter((spec) => labels.split(', ').includes(spec.label));
    const where = groups.size > 1 ? ` in ${regions.join(', ')}` : '';
    if (labels === '') return `no source answered${where}`;
    const misses = used.every((spec) => spec.misses) ? used.map((spec) => spec.misses).join('; ') : null;
    return misses ? `${labels} only${where} — ${misses}` : `${labels}${where}`;
  };
  return [...groups].map(([labels, regions]) => phrase(labels, regions)).join('; ');
}

/** The run scope.get shows by default: the run the Findings screen shows, else the newest finished run. */
function defaultRun(ws: Workspace): number | null {
  const runs = listRuns(ws);
  const withFindings = runs.find(
    (r) => r.status !== 'running' && ws.db.prepare('SELECT 1 FROM finding WHERE run_id = ?').get(r.id),
  );
  return (withFindings ?? runs.find((r) => r.status !== 'running'))?.id ?? null;
}

function targetsOfRun(ws: Workspace, runId: number, resources: readonly ResourceRow[]): number[] {
  const ids = new Set<number>();
  for (const r of ws.db
    .prepare('SELECT DISTINCT target_id FROM evidence WHERE run_id = ? AND target_id IS NOT NULL')
    .all(runId) as { target_id: number }[])
    ids.add(r.target_id);
  for (const r of resources) if (r.target_id !== null) ids.add(r.target_id);
  const byScope = ws.db.prepare('SELECT id FROM target WHERE provider = ? AND scope_id = ?');
  const scopes = ws.db
    .prepare('SELECT DISTINCT provider, scope_id FROM coverage_gap WHERE run_id = ?')
    .all(runId) as { provider: string; scope_id: string }[];
  const options = JSON.parse(
    (ws.db.prepare('SELECT options FROM run WHERE id = ?').get(runId) as { options: string }).options,
  ) as { targets?: unknown };
  for (const t of Array.isArray(options.targets) ? options.targets : []) {
    const [provider, ...rest] = String(t).split(':');
    scopes.push({ provider: provider ?? '', scope_id: rest.join(':') });
  }
  for (const s of scopes)
    for (const row of byScope.all(s.provider, s.scope_id) as { id: number }[]) ids.add(row.id);
  return [...ids].sort((a, b) => a - b);
}

function countLabel(n: number, label: string): string {
  return `${n} ${label}${n === 1 ? '' : 's'}`;
}

/** The scope of a run (default: the run the Findings screen shows). runId null: no run yet. */
export function readScope(ws: Workspace, runId?: number, catalog: ScopeCatalog = registry): RunScope {
  const isInventoryType = (type: string) => catalog.resourceType(type)?.inventory === true;
  if (runId !== undefined && !ws.db.prepare('SELECT 1 FROM run WHERE id = ?').get(runId))
    throw new DeskError('NOT_FOUND', `No run ${runId} in this workspace.`);
  const asked = runId ?? defaultRun(ws);
  if (asked === null) return summarize(catalog, null, null, []);
  const run = collectionRunOf(ws, asked);
  const resources = ws.db
    .prepare(
      'SELECT target_id, provider, scope_id, type, native_id, region, properties FROM resource WHERE run_id = ? ORDER BY id',
    )
    .all(run) as ResourceRow[];
  const assessedIds = new Set(
    resources.filter((r) => !isInventoryType(r.type)).map((r) => nativeKey(r.provider, r.native_id)),
  );
  const evidenceServices = ws.db.prepare(
    "SELECT DISTINCT service FROM evidence WHERE run_id = ? AND target_id = ? AND service NOT IN ('sts', 'arm')",
  );
  const identities = ws.db.prepare(
    "SELECT DISTINCT caller_identity FROM evidence WHERE run_id = ? AND target_id = ? AND caller_identity != '' ORDER BY caller_identity",
  );
  const okCalls = ws.db.prepare(
    "SELECT DISTINCT service, operation, region FROM evidence WHERE run_id = ? AND target_id = ? AND outcome = 'ok'",
  );
  const gapRows = ws.db.prepare(
    `SELECT g.service, g.operation, g.region, g.reason, g.message, e.error_message
       FROM coverage_gap g LEFT JOIN evidence e ON e.id = g.evidence_id
      WHERE g.run_id = ? AND g.provider = ? AND g.scope_id = ? ORDER BY g.service, g.region, g.operation`,
  );
  const targetRow = ws.db.prepare(
    'SELECT id, provider, label, cloud, scope_id, regions FROM target WHERE id = ?',
  );

  const targets = targetsOfRun(ws, run, resources).map((id): TargetScope => {
    const t = targetRow.get(id) as {
      id: number;
      provider: 'aws' | 'azure';
      label: string;
      cloud: string;
      scope_id: string;
      regions: string;
    };
    const regions = JSON.parse(t.regions) as string[];
    const mine = resources.filter((r) => r.target_id === id);
    const gaps = gapRows.all(run, t.provider, t.scope_id) as (ScopeGap & { error_message: string | null })[];
    const signIn = gaps.find((g) => g.operation === 'sign-in');
    const ran = new Set((evidenceServices.all(run, id) as { service: string }[]).map((r) => r.service));
    for (const g of gaps) if (g.service !== '*') ran.add(g.service);
    for (const r of mine) {
      const module = catalog.resourceType(r.type)?.service;
      if (module) ran.add(module.service);
    }
    const modules = [...ran].flatMap((short) => {
      const m = serviceModule(catalog, t.provider, short);
      return m ? [m] : [];
    });
    const services = catalog.services
      .filter((s) => modules.includes(s) && !isInventoryService(s))
      .map((s) => ({
        id: s.id,
        title: s.title,
        resourceTypes: s.resources
          .filter((rt) => !rt.inventory)
          .map((rt) => ({
            type: rt.type,
            label: rt.label,
            plural: rt.plural,
            count: mine.filter((r) => r.type === rt.type).length,
            rules: catalog.rulesForType(rt.type).map((rule) => rule.id),
          })),
      }));
    const inventoryRecords = mine.filter((r) => isInventoryType(r.type));
    const sourceSpecs = modules
      .filter(isInventoryService)
      .flatMap((m) => (m.inventorySources ?? []).map((spec) => ({ ...spec, service: m.service })));
    const calls = okCalls.all(run, id) as { service: string; operation: string; region: string }[];
    const sources =
      sourceSpecs.length > 0
        ? answeredSources(
            sourceSpecs,
            regions,
            calls.filter((c) => sourceSpecs.some((s) => s.service === c.service)),
            gaps.filter((g) => sourceSpecs.some((s) => s.service === g.service)),
          )
        : [];
    const groups = new Map<string, InventoriedGroup>();
    for (const r of inventoryRecords) {
      if (assessedIds.has(nativeKey(r.provider, r.native_id))) continue;
      const kind = inventoryKind(r);
      const key = `${kind.service.toLowerCase()}|${kind.resourceType.toLowerCase()}`;
      const group = groups.get(key);
      if (group) group.count++;
      else
        groups.set(key, {
          provider: t.provider,
          service: kind.service,
          serviceLabel: serviceLabel(t.provider, kind.service),
          resourceType: kind.resourceType,
          count: 1,
          hasCollector: hasCollector(catalog, t.provider, kind.service),
        });
    }
    const outside = new Map<string, { count: number; what: Map<string, number> }>();
    const seeOutside = (region: string | null | undefined, label: string) => {
      if (!region || region === 'global' || regions.length === 0) return;
      if (regions.some((r) => r.toLowerCase() === region.toLowerCase())) return;
      const entry = outside.get(region) ?? outside.set(region, { count: 0, what: new Map() }).get(region)!;
      entry.count++;
      entry.what.set(label, (entry.what.get(label) ?? 0) + 1);
    };
    for (const r of mine) {
      const type = catalog.resourceType(r.type);
      seeOutside(r.region, type && !type.inventory ? type.label : 'inventoried resource');
      const secondary = (JSON.parse(r.properties) as { secondaryLocation?: unknown }).secondaryLocation;
      if (typeof secondary === 'string') seeOutside(secondary, `${type?.label ?? 'resource'} replica`);
    }
    return {
      targetId: id,
      provider: t.provider,
      label: t.label,
      cloud: t.cloud,
      scopeId: t.scope_id,
      signedIn: !signIn,
      signInError: signIn ? (signIn.error_message ?? signIn.message) : null,
      identities: (identities.all(run, id) as { caller_identity: string }[]).map((r) => r.caller_identity),
      regions,
      regionsOutside: [...outside.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([region, e]) => ({
          region,
          count: e.count,
          what: [...e.what.entries()].map(([label, n]) => countLabel(n, label)),
        })),
      services,
      assessedResources: mine.length - inventoryRecords.length,
      gaps: gaps.map(({ service, operation, region, reason, message }) => ({
        service,
        operation,
        region,
        reason,
        message,
      })),
      inventory: {
        collected: inventoryRecords.length > 0 || modules.some(isInventoryService),
        notAssessed: [...groups.values()].reduce((n, g) => n + g.count, 0),
        groups: [...groups.values()].sort((a, b) => b.count - a.count || a.service.localeCompare(b.service)),
        sources,
        sourcesLine: signIn ? null : inventorySourcesLine(sourceSpecs, sources),
      },
    };
  });
  // Sign-ins finish in any order, so target ids do too: list by provider and label, as the report does.
  targets.sort((a, b) => a.provider.localeCompare(b.provider) || a.label.localeCompare(b.label));
  const started = ws.db.prepare('SELECT started_at FROM run WHERE id = ?').get(run) as
    { started_at: string } | undefined;
  return summarize(catalog, asked, run, targets, started?.started_at ?? null);
}

function summarize(
  catalog: ScopeCatalog,
  runId: number | null,
  collectionRunId: number | null,
  targets: TargetScope[],
  runStartedAt: string | null = null,
): RunScope {
  const assessedIds = new Set(targets.flatMap((t) => t.services.map((s) => s.id)));
  const servicesAssessed = catalog.services.filter((s) => assessedIds.has(s.id)).map((s) => s.title);
  const allGroups = targets.flatMap((t) => t.inventory.groups);
  const uncovered = new Map<string, RunScope['uncoveredServices'][number]>();
  for (const g of allGroups) {
    if (g.hasCollector) continue;
    const key = `${g.provider}|${g.service.toLowerCase()}`;
    const entry = uncovered.get(key);
    if (entry) entry.count += g.count;
    else
      uncovered.set(key, {
        provider: g.provider,
        service: g.service,
        serviceLabel: g.serviceLabel,
        count: g.count,
      });
  }
  const totals = {
    targets: targets.length,
    signedIn: targets.filter((t) => t.signedIn).length,
    assessedResources: targets.reduce((n, t) => n + t.assessedResources, 0),
    inventoriedOnly: allGroups.reduce((n, g) => n + g.count, 0),
    inventoriedOnlyServices: new Set(allGroups.map((g) => `${g.provider}|${g.service.toLowerCase()}`)).size,
    gaps: targets.reduce((n, t) => n + t.gaps.length, 0),
  };
  const inventoryCollected = targets.some((t) => t.inventory.collected);
  return {
    runId,
    collectionRunId,
    targets,
    totals,
    servicesAssessed,
    inventoryCollected,
    uncoveredServices: [...uncovered.values()].sort((a, b) => b.count - a.count),
    summary: scopeSummaryLine({ runId, targets, totals, servicesAssessed, inventoryCollected }),
    eligibilityLists: eligibilityListsOf(targets, runStartedAt),
  };
}

/** "Assessed: Amazon S3, … in 3 targets · Inventoried only: 42 resources in 9 services · 4 coverage gaps" */
export function scopeSummaryLine(
  scope: Pick<RunScope, 'runId' | 'targets' | 'totals' | 'servicesAssessed' | 'inventoryCollected'>,
): string {
  if (scope.runId === null) return 'No assessment has run: nothing has been assessed yet.';
  const { totals } = scope;
  const where =
    totals.signedIn === totals.targets
      ? plural(totals.targets, 'target')
      : `${totals.signedIn} of ${plural(totals.targets, 'target')} (${totals.targets - totals.signedIn} not signed in)`;
  const assessed = scope.servicesAssessed.length
    ? `Assessed: ${scope.servicesAssessed.join(', ')} in ${where}`
    : `Nothing assessed in ${where}`;
  const partial = scope.targets.some((t) => t.signedIn && !t.inventory.collected);
  const inventory = !scope.inventoryCollected
    ? `Not inventoried: ${INVENTORY_NOT_COLLECTED}`
    : `Inventoried only: ${plural(totals.inventoriedOnly, 'resource')} in ${plural(totals.inventoriedOnlyServices, 'service')}${partial ? ' (inventory not collected in every target)' : ''}`;
  return [assessed, inventory, plural(totals.gaps, 'coverage gap')].join(' · ');
}
