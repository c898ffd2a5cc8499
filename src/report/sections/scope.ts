/**
 * What the run assessed and what it did not, from the scope read model (src/assess/read-models/
 * scope.ts, the same facts the CLI and the screens show). The executive summary, the scope and
 * methodology section and the control matrix use these, so no part of the report describes an
 * area as assessed when no collector covered it.
 */
import { INVENTORY_NOT_COLLECTED } from '../../assess/read-models/scope';
import { callout, cell, keyValue, paragraph, run, type Block } from '../model';
import { plural, type ReportContext } from './context';

type Scope = ReportContext['data']['scope'];

/** "Amazon S3, AWS Key Management Service and Azure Storage" */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** One sentence for the executive summary: the services assessed, and what lies outside them. */
export function scopeStatement(scope: Scope): string {
  if (scope.runId === null) return 'No assessment has run, so no service has been assessed.';
  const notSignedIn = scope.targets.filter((t) => !t.signedIn);
  const parts = [
    scope.servicesAssessed.length
      ? `Automated checks covered ${list(scope.servicesAssessed)} only; no other cloud service was assessed.`
      : 'No cloud service was assessed.',
  ];
  if (notSignedIn.length)
    parts.push(
      `${plural(notSignedIn.length, 'cloud scope')} could not be signed in to and ${notSignedIn.length === 1 ? 'was' : 'were'} not assessed at all (${notSignedIn.map((t) => t.label).join('; ')}).`,
    );
  parts.push(inventorySentence(scope));
  return parts.join(' ');
}

function inventorySentence(scope: Scope): string {
  if (!scope.inventoryCollected) return `${capitalize(INVENTORY_NOT_COLLECTED)}.`;
  const partial = scope.targets.some((t) => t.signedIn && !t.inventory.collected);
  const only = scope.totals.inventoriedOnly;
  const base =
    only === 0
      ? 'The inventory found no resource outside the assessed services'
      : `The inventory listed ${plural(only, 'resource')} in ${plural(scope.totals.inventoriedOnlyServices, 'service')} whose configuration was not assessed (inventoried only)`;
  return `${base}${partial ? ' (it was not collected in every cloud scope)' : ''}.`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The "What was assessed, and what was not" subsection of Scope and methodology. */
export function scopeBlocks(ctx: ReportContext): Block[] {
  const scope = ctx.data.scope;
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'What was assessed, and what was not' }];
  blocks.push(paragraph(scopeStatement(scope)));
  if (scope.runId === null) return blocks;
  for (const t of scope.targets) {
    blocks.push({ kind: 'heading', level: 3, text: `${t.provider.toUpperCase()} ${t.label} (${t.scopeId})` });
    const gaps = t.gaps.filter((g) => g.operation !== 'sign-in');
    blocks.push(
      keyValue([
        t.signedIn
          ? { key: 'Signed in as', value: t.identities.join('; ') || 'identity not recorded', mono: true }
          : { key: 'NOT signed in', value: t.signInError ?? 'the sign-in failed' },
        {
          key: 'Regions covered',
          value: t.regions.length ? t.regions.join(', ') : 'none named (subscription-wide lists only)',
        },
        ...(t.regionsOutside.length
          ? [
              {
                key: 'Seen outside them',
                value: `${t.regionsOutside.map((r) => `${r.region} (${r.what.join(', ')})`).join('; ')}${t.provider === 'aws' ? '; regional services were not collected there' : ''}`,
              },
            ]
          : []),
        {
          key: 'Assessed',
          value: t.signedIn
            ? t.services
                .map(
                  (s) =>
                    `${s.title}: ${s.resourceTypes.map((rt) => `${plural(rt.count, rt.label, rt.plural)} (${plural(rt.rules.length, 'rule')})`).join(', ')}`,
                )
                .join('; ') || 'no service collector ran'
            : 'nothing: no call could be made in this cloud scope',
        },
        ...(t.inventory.sourcesLine ? [{ key: 'Inventory', value: t.inventory.sourcesLine }] : []),
        { key: 'Not assessed', value: notAssessedText(t) },
        {
          key: 'Coverage gaps',
          value: gaps.length
            ? `${plural(gaps.length, 'call')} not answered: see Coverage gaps below`
            : t.signedIn
              ? 'none: every call planned for the services above was answered'
              : 'the sign-in failed',
        },
      ]),
    );
  }
  const groups = scope.targets.flatMap((t) => t.inventory.groups.map((g) => ({ t, g })));
  if (groups.length) {
    blocks.push(
      paragraph(
        'Inventoried but not assessed: these resources were listed by the inventory, but no service check read their configuration. ',
        run('No check in this report read their configuration.', { bold: true }),
      ),
    );
    blocks.push({
      kind: 'table',
      compact: groups.length > 30,
      columns: [
        { header: 'Cloud scope', width: 24, mono: true },
        { header: 'Service', width: 34 },
        { header: 'Resource type', width: 28, mono: true },
        { header: 'Resources', width: 14, align: 'right' },
      ],
      rows: groups.map(({ t, g }) => [
        cell(`${t.provider} ${t.scopeId}`),
        cell(
          `${g.serviceLabel}${g.hasCollector ? '' : ' (no collector)'}`,
          g.hasCollector ? undefined : 'warning',
        ),
        cell(g.resourceType),
        cell(g.count),
      ]),
    });
  }
  // 164.308(b)(1): the eligibility checks stand on dated lists; their date (and age) is stated.
  for (const list of scope.eligibilityLists) {
    const text = `The ${list.provider === 'aws' ? 'AWS' : 'Azure'} HIPAA eligibility check used "${list.title}", dated ${list.date}.`;
    blocks.push(
      list.warning
        ? callout(
            'warning',
            `HIPAA service list (${list.provider.toUpperCase()}), dated ${list.date}`,
            `${text} ${list.warning}`,
          )
        : paragraph(text),
    );
  }
  if (scope.targets.some((t) => !t.signedIn))
    blocks.push(
      callout(
        'warning',
        'Cloud scopes not assessed',
        'A cloud scope that could not be signed in to was not assessed at all: no finding, passing or failing, speaks for it.',
      ),
    );
  return blocks;
}

function notAssessedText(t: Scope['targets'][number]): string {
  if (!t.signedIn) return 'everything: not signed in';
  if (!t.inventory.collected) return `unknown: ${INVENTORY_NOT_COLLECTED}`;
  if (t.inventory.notAssessed === 0) return 'none: every inventoried resource was assessed';
  return `${plural(t.inventory.notAssessed, 'resource')} in ${plural(new Set(t.inventory.groups.map((g) => g.service)).size, 'service')}, inventoried only (listed below)`;
}

/** What the Coverage gaps subsection says when the run recorded none: only what is true. */
export function noGapsSentence(scope: Scope): string {
  const services = scope.servicesAssessed.length ? ` (${list(scope.servicesAssessed)})` : '';
  return `No coverage gaps were recorded: every read call planned for the assessed services${services} was answered. Services outside them were not called; see What was assessed, and what was not.`;
}

/** The control matrix's note: a passing row speaks only for the services assessed. */
export function matrixScopeNote(scope: Scope): Block {
  return paragraph(
    run('Scope of the automated checks: ', { bold: true }),
    scope.servicesAssessed.length
      ? `a row's automated status covers ${list(scope.servicesAssessed)} only. A passing row means the checks on those services passed; it says nothing about services that were not assessed. `
      : 'no cloud service was assessed, so no row has an automated status. ',
    inventorySentence(scope),
  );
}

/** The executive summary's "Not assessed" line. */
export function notAssessedSummary(scope: Scope): string {
  if (scope.runId === null) return 'everything: no assessment has run';
  const parts: string[] = [];
  const notSignedIn = scope.targets.filter((t) => !t.signedIn).length;
  if (notSignedIn) parts.push(`${plural(notSignedIn, 'cloud scope')} not signed in`);
  if (!scope.inventoryCollected) parts.push('other services unknown (the inventory was not collected)');
  else if (scope.totals.inventoriedOnly > 0)
    parts.push(
      `${plural(scope.totals.inventoriedOnly, 'resource')} in ${plural(scope.totals.inventoriedOnlyServices, 'service')} inventoried only`,
    );
  else parts.push('no inventoried resource outside the assessed services');
  return parts.join('; ');
}
