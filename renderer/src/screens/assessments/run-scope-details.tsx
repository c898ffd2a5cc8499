import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { OpOutput } from '../../../../src/api/contract';
import { DefinitionList } from '../../components/definition-list';
import { formatCount } from '../../components/format';
import { monospaceFont } from '../../theme/theme';

type RunScope = OpOutput<'scope.get'>;
type TargetScope = RunScope['targets'][number];

const mono = { fontFamily: monospaceFont, fontSize: '0.78rem' } as const;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "s3 GetBucketLogging, access denied: us-east-1 ×3, us-west-2" per service, operation and reason. */
function gapSummary(gaps: TargetScope['gaps']): string[] {
  const groups = new Map<string, Map<string, number>>();
  for (const g of gaps) {
    if (g.operation === 'sign-in') continue;
    const key = `${g.service} ${g.operation}, ${g.reason.replace(/_/g, ' ')}`;
    const regions = groups.get(key) ?? groups.set(key, new Map()).get(key)!;
    regions.set(g.region, (regions.get(g.region) ?? 0) + 1);
  }
  return [
    ...(gaps.some((g) => g.operation === 'sign-in') ? ['the sign-in failed'] : []),
    ...[...groups.entries()].map(
      ([key, regions]) =>
        `${key}: ${[...regions.entries()].map(([r, n]) => (n > 1 ? `${r} ×${n}` : r)).join(', ')}`,
    ),
  ];
}

function NotAssessed({ target }: { target: TargetScope }) {
  const inventory = target.inventory;
  if (!target.signedIn) return <>everything: not signed in</>;
  if (!inventory.collected)
    return (
      <Box component="span" sx={{ color: 'warning.main' }}>
        Unknown: the inventory was not collected, so resources outside the services above are unknown.
      </Box>
    );
  if (inventory.notAssessed === 0) return <>None: every inventoried resource was assessed.</>;
  return (
    <Stack spacing={0.25}>
      <span>
        {plural(inventory.notAssessed, 'resource')} inventoried only (no service check read their
        configuration):
      </span>
      {inventory.groups.map((g) => (
        <span key={`${g.service}|${g.resourceType}`}>
          <Box component="span" sx={mono}>
            {g.resourceType}
          </Box>{' '}
          {formatCount(g.count)}
          {g.hasCollector ? null : (
            <Box component="span" sx={{ color: 'text.secondary' }}>
              {' '}
              ({g.serviceLabel}: no collector)
            </Box>
          )}
        </span>
      ))}
    </Stack>
  );
}

function TargetCard({ target }: { target: TargetScope }) {
  const gaps = gapSummary(target.gaps);
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label={`Scope of ${target.label}`}
      data-testid="scope-target"
      sx={{ p: 2 }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {target.provider.toUpperCase()} {target.label}
        </Typography>
        <Box component="span" sx={{ ...mono, color: 'text.secondary' }}>
          {target.scopeId}
        </Box>
        <Chip
          size="small"
          variant="outlined"
          color={target.signedIn ? 'success' : 'error'}
          label={target.signedIn ? 'Signed in' : 'Not signed in'}
        />
      </Stack>
      <DefinitionList
        labelWidth={150}
        items={[
          target.signedIn
            ? {
                label: 'Signed in as',
                value: <Box sx={mono}>{target.identities.join(', ') || 'identity not recorded'}</Box>,
              }
            : {
                label: 'Sign-in failed',
                value: (
                  <Box component="span" sx={{ color: 'error.main' }}>
                    {target.signInError ?? 'the sign-in failed'}
                  </Box>
                ),
              },
          {
            label: 'Regions covered',
            value: target.regions.length ? target.regions.join(', ') : 'none named (subscription-wide lists)',
          },
          ...(target.regionsOutside.length
            ? [
                {
                  label: 'Seen outside them',
                  value: target.regionsOutside.map((r) => `${r.region} (${r.what.join(', ')})`).join('; '),
                },
              ]
            : []),
          {
            label: 'Assessed',
            value: !target.signedIn ? (
              'nothing: no call could be made in this target'
            ) : target.services.length === 0 ? (
              'no service collector ran'
            ) : (
              <Stack spacing={0.25}>
                {target.services.map((s) => (
                  <span key={s.id}>
                    <strong>{s.title}</strong>:{' '}
                    {s.resourceTypes
                      .map(
                        (rt) =>
                          `${plural(rt.count, rt.label, rt.plural)} (${plural(rt.rules.length, 'rule')})`,
                      )
                      .join(', ')}
                  </span>
                ))}
              </Stack>
            ),
          },
          ...(target.inventory.sourcesLine
            ? [{ label: 'Inventory', value: target.inventory.sourcesLine }]
            : []),
          { label: 'Not assessed', value: <NotAssessed target={target} /> },
          {
            label: 'Coverage gaps',
            value: gaps.length ? (
              <Stack spacing={0.25}>
                {gaps.map((g) => (
                  <span key={g}>{g}</span>
                ))}
              </Stack>
            ) : (
              'None: every call planned for the services above was answered.'
            ),
          },
        ]}
      />
    </Paper>
  );
}

/** Per target of a run: signed in as whom or why not, what was assessed and what was not. */
export function RunScopeDetails({ scope }: { scope: RunScope }) {
  return (
    <Stack spacing={1.5}>
      {scope.uncoveredServices.length ? (
        <Typography variant="body2">
          Services the inventory saw that no collector covers:{' '}
          {scope.uncoveredServices.map((s) => `${s.serviceLabel} (${formatCount(s.count)})`).join(', ')}.
        </Typography>
      ) : null}
      {scope.eligibilityLists.map((list) => (
        <Typography
          key={list.provider}
          variant="body2"
          color={list.warning ? 'warning.main' : 'text.secondary'}
          data-testid={`eligibility-list-${list.provider}`}
        >
          HIPAA service list ({list.provider.toUpperCase()}): {list.title}, dated {list.date}.
          {list.warning ? ` ${list.warning}` : ''}
        </Typography>
      ))}
      <Box
        sx={{
          display: 'grid',
          gap: 1.5,
          gridTemplateColumns: { xs: '1fr', xl: 'repeat(auto-fit, minmax(520px, 1fr))' },
        }}
      >
        {scope.targets.map((t) => (
          <TargetCard key={t.targetId} target={t} />
        ))}
      </Box>
    </Stack>
  );
}
