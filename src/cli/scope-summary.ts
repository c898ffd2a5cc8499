/**
 * The scope section of the CLI run summary (`assess`, `demo`) and of `info`: per target, signed in
 * as whom or why not, what was assessed with counts, what was only inventoried, the regions and
 * the coverage gaps. Reads the scope read model (scope.get), so it says what the report says.
 */
import type { OpOutput } from '../api/contract';

type RunScope = OpOutput<'scope.get'>;
type TargetScope = RunScope['targets'][number];

const WIDTH = 100;
const LABEL = 20;

/** Words wrapped to the width, every line after the first indented under the value column. */
function wrap(text: string, indent: number, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `${' '.repeat(indent)}${l}`));
}

function field(label: string, value: string): string {
  return `  ${label.padEnd(LABEL - 2)}${wrap(value, LABEL).join('\n')}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "s3 GetBucketLogging access denied: us-east-1 ×3, us-west-2" per service, operation and reason. */
export function gapLines(gaps: TargetScope['gaps']): string[] {
  const groups = new Map<string, Map<string, number>>();
  for (const g of gaps) {
    if (g.operation === 'sign-in') continue;
    const key = `${g.service} ${g.operation} ${g.reason.replace(/_/g, ' ')}`;
    const regions = groups.get(key) ?? groups.set(key, new Map()).get(key)!;
    regions.set(g.region, (regions.get(g.region) ?? 0) + 1);
  }
  const signIn = gaps.some((g) => g.operation === 'sign-in') ? ['the sign-in failed'] : [];
  return [
    ...signIn,
    ...[...groups.entries()].map(
      ([key, regions]) =>
        `${key}: ${[...regions.entries()].map(([r, n]) => (n > 1 ? `${r} ×${n}` : r)).join(', ')}`,
    ),
  ];
}

function targetLines(t: TargetScope): string[] {
  const lines = [`${t.provider.toUpperCase()} ${t.label} (${t.scopeId})`];
  if (t.signedIn) lines.push(field('Signed in as', t.identities.join(', ') || 'identity not recorded'));
  else lines.push(field('NOT signed in', t.signInError ?? 'sign-in failed'));
  lines.push(
    field('Regions', t.regions.length ? t.regions.join(', ') : 'none named (subscription-wide lists only)'),
  );
  if (t.regionsOutside.length)
    lines.push(
      field(
        'Seen outside',
        `${t.regionsOutside.map((r) => `${r.region} (${r.what.join(', ')})`).join('; ')}${t.provider === 'aws' ? '; regional collectors did not run there' : ''}`,
      ),
    );
  if (!t.signedIn) lines.push(field('Assessed', 'nothing: no call could be made in this target'));
  else
    lines.push(
      field(
        'Assessed',
        t.services.length
          ? t.services
              .map(
                (s) =>
                  `${s.title}: ${s.resourceTypes
                    .map(
                      (rt) => `${plural(rt.count, rt.label, rt.plural)} (${plural(rt.rules.length, 'rule')})`,
                    )
                    .join(', ')}`,
              )
              .join(' · ')
          : 'no service collector ran',
      ),
    );
  if (t.signedIn) {
    if (t.inventory.sourcesLine) lines.push(field('Inventory', t.inventory.sourcesLine));
    if (!t.inventory.collected)
      lines.push(
        field(
          'Other services',
          'unknown: the inventory was not collected, so resources outside the services above are unknown',
        ),
      );
    else if (t.inventory.notAssessed === 0)
      lines.push(field('Other services', 'none: every inventoried resource was assessed'));
    else
      lines.push(
        field(
          'Inventoried only',
          `${plural(t.inventory.notAssessed, 'resource')}: ${t.inventory.groups
            .map((g) => `${g.resourceType} ${g.count}`)
            .join(', ')}`,
        ),
      );
  }
  const gaps = gapLines(t.gaps);
  lines.push(
    field(
      `Coverage gaps`,
      gaps.length
        ? `${t.gaps.length}: ${gaps.join('; ')}`
        : 'none: every call planned for the services above was answered',
    ),
  );
  return lines;
}

/** The scope section, as lines of at most 100 columns (an identity or id longer than that excepted). */
export function scopeSummary(scope: RunScope): string[] {
  if (scope.runId === null) return [`\n${scope.summary}`];
  const lines = [
    `\nScope of run #${scope.collectionRunId ?? scope.runId}: what was assessed, and what was not`,
    ...scope.summary.split(' · ').flatMap((part) => wrap(part, 2)),
  ];
  if (scope.uncoveredServices.length)
    lines.push(
      ...wrap(
        `Services no collector covers (seen by the inventory): ${scope.uncoveredServices
          .map((s) => `${s.serviceLabel} ${s.count}`)
          .join(', ')}`,
        2,
      ),
    );
  for (const list of scope.eligibilityLists)
    lines.push(
      ...wrap(
        `HIPAA list used (${list.provider.toUpperCase()}): ${list.title}, dated ${list.date}${list.warning ? `. ${list.warning}` : ''}`,
        2,
      ),
    );
  for (const t of scope.targets) lines.push('', ...targetLines(t));
  return lines;
}
