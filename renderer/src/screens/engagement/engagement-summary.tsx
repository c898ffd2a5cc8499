import CloseOutlined from '@mui/icons-material/CloseOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CardActionArea from '@mui/material/CardActionArea';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { DefinitionList } from '../../components/definition-list';
import { formatBytes, formatCount, formatDateTime, formatPeriod } from '../../components/format';
import { hrefFor, type ScreenId } from '../../shell/router';
import { useCloseWorkspace } from '../../workspace/workspace-actions';
import type { WorkspaceSummary } from '../../workspace/workspace-context';
import { monospaceFont } from '../../theme/theme';
import { EditSettingsDialog } from './edit-settings-dialog';

function ChipList({ values, empty, label }: { values: string[]; empty: string; label: string }) {
  if (values.length === 0) {
    return (
      <Box component="span" sx={{ color: 'text.secondary' }}>
        {empty}
      </Box>
    );
  }
  return (
    <Stack
      component="ul"
      direction="row"
      useFlexGap
      aria-label={label}
      sx={{ flexWrap: 'wrap', gap: 0.75, listStyle: 'none', m: 0, p: 0 }}
    >
      {values.map((v) => (
        <li key={v}>
          <Chip label={v} variant="outlined" sx={{ fontFamily: monospaceFont, fontSize: '0.78rem' }} />
        </li>
      ))}
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2.5 }}>
      <Typography
        variant="overline"
        component="h2"
        sx={{ color: 'text.secondary', display: 'block', mb: 1.5 }}
      >
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

interface Stat {
  label: string;
  value: number;
  screen: ScreenId;
  /** Counts that are bad news when non-zero. */
  alert?: boolean;
}

function StatTile({ stat }: { stat: Stat }) {
  const attention = stat.alert === true && stat.value > 0;
  return (
    <Paper variant="outlined" sx={{ overflow: 'hidden' }}>
      <CardActionArea href={hrefFor(stat.screen)} sx={{ px: 2, py: 1.5, height: '100%' }}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {stat.label}
        </Typography>
        <Typography
          variant="h5"
          component="p"
          sx={{
            fontVariantNumeric: 'tabular-nums',
            color: attention ? 'error.main' : 'text.primary',
            mt: 0.25,
          }}
          aria-label={`${stat.label}: ${stat.value}`}
        >
          {formatCount(stat.value)}
        </Typography>
      </CardActionArea>
    </Paper>
  );
}

export function EngagementSummary({ summary }: { summary: WorkspaceSummary }) {
  const [editing, setEditing] = useState(false);
  const { close, pending: closing } = useCloseWorkspace();
  const { engagement: e, counts: c, lastRun } = summary;

  const stats: Stat[] = [
    { label: 'Targets', value: c.targets, screen: 'targets' },
    { label: 'Assessment runs', value: c.runs, screen: 'assessments' },
    { label: 'Evidence records', value: c.evidence, screen: 'assessments' },
    { label: 'Resources', value: c.resources, screen: 'assessments' },
    { label: 'Failing findings', value: c.failingFindings, screen: 'findings', alert: true },
    { label: 'Coverage gaps', value: c.coverageGaps, screen: 'assessments', alert: true },
    { label: 'Attestations', value: c.attestations, screen: 'controls' },
    { label: 'PHI flows', value: c.phiFlows, screen: 'phi-flows' },
    { label: 'Exports', value: c.exports, screen: 'export' },
    { label: 'Audit-log entries', value: c.auditLogEntries, screen: 'audit-log' },
  ];

  return (
    <Stack spacing={2.5}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', justifyContent: 'space-between' }}>
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="overline" sx={{ color: 'text.secondary' }}>
            Engagement
          </Typography>
          <Typography variant="h4" component="h1" data-testid="engagement-client">
            {e.client}
          </Typography>
          <Typography variant="subtitle1" sx={{ color: 'text.secondary' }}>
            {e.title} · {formatPeriod(e.periodStart, e.periodEnd)}
          </Typography>
        </Box>
        <Stack direction="row" spacing={1} sx={{ flexShrink: 0, pt: 2 }}>
          <Button variant="outlined" startIcon={<EditOutlined />} onClick={() => setEditing(true)}>
            Edit settings
          </Button>
          <Button
            color="inherit"
            startIcon={<CloseOutlined />}
            onClick={() => void close()}
            disabled={closing}
          >
            Close engagement
          </Button>
        </Stack>
      </Stack>

      <Box
        sx={{
          display: 'grid',
          gap: 2.5,
          gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(0, 2fr)' },
        }}
      >
        <Section title="Settings">
          <DefinitionList
            items={[
              { label: 'Client', value: e.client },
              { label: 'Title', value: e.title },
              {
                label: 'Period',
                value: (
                  <span data-testid="engagement-period">{formatPeriod(e.periodStart, e.periodEnd)}</span>
                ),
              },
              {
                label: 'Approved regions',
                value: <ChipList label="Approved regions" values={e.approvedRegions} empty="None set" />,
              },
              {
                label: 'PHI tag keys',
                value: <ChipList label="PHI tag keys" values={e.phiTagKeys} empty="None set" />,
              },
              {
                label: 'PHI path patterns',
                value: <ChipList label="PHI path patterns" values={e.phiPathPatterns} empty="None set" />,
              },
              {
                label: 'PHI URL paths',
                value: <ChipList label="PHI URL paths" values={e.phiUrlPaths} empty="None set" />,
              },
              {
                label: 'Consultant',
                value: e.consultant || (
                  <Box component="span" sx={{ color: 'text.secondary' }}>
                    Not set
                  </Box>
                ),
              },
            ]}
          />
        </Section>
        <Section title="Workspace file">
          <DefinitionList
            labelWidth={120}
            items={[
              { label: 'File', value: summary.fileName },
              { label: 'Location', value: <code>{summary.path}</code> },
              { label: 'Size', value: formatBytes(summary.sizeBytes) },
              { label: 'Schema version', value: summary.schemaVersion },
              { label: 'Created', value: formatDateTime(e.createdAt) },
              { label: 'Settings changed', value: formatDateTime(e.updatedAt) },
            ]}
          />
        </Section>
      </Box>

      <Section title="Contents">
        <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))' }}>
          {stats.map((s) => (
            <StatTile key={s.label} stat={s} />
          ))}
        </Box>
        <Typography variant="body2" sx={{ color: 'text.secondary', mt: 2 }} data-testid="last-run">
          {lastRun
            ? `Last run #${lastRun.id} (${lastRun.kind}): ${lastRun.status}, started ${formatDateTime(lastRun.startedAt)}${
                lastRun.finishedAt ? `, finished ${formatDateTime(lastRun.finishedAt)}` : ''
              }. Resources, findings and coverage gaps count the latest completed or partial run.`
            : 'No assessment has run in this workspace yet.'}
        </Typography>
      </Section>

      {editing ? <EditSettingsDialog summary={summary} onClose={() => setEditing(false)} /> : null}
    </Stack>
  );
}
