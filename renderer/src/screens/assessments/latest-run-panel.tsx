import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { CommandHint } from '../../components/command-hint';
import { DefinitionList } from '../../components/definition-list';
import { formatCount, formatDateTime } from '../../components/format';
import { SectionPanel } from '../../components/section-panel';
import { useOpenWorkspace } from '../../workspace/requires-workspace';
import { RunStatusChip } from './run-history';

/** Beside the run form when nothing is running: what the workspace holds from its latest run. */
export function LatestRunPanel() {
  const { lastRun, counts } = useOpenWorkspace();
  if (!lastRun) {
    return (
      <SectionPanel title="No assessment has run in this workspace yet">
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          Start with the simulated demo organisation to see every screen with data, or add the client’s
          accounts as live targets. The same runs are available from a terminal:{' '}
          <CommandHint>phi-audit demo</CommandHint>, <CommandHint>phi-audit assess</CommandHint>.
        </Typography>
      </SectionPanel>
    );
  }
  // Resources and findings count the latest completed or partial run: not this one, when it judged nothing.
  const judged = lastRun.status === 'completed' || lastRun.status === 'partial';
  const notJudged = (
    <Box component="span" sx={{ color: 'text.secondary' }}>
      — (run #{lastRun.id} judged nothing)
    </Box>
  );
  return (
    <SectionPanel title={`Latest run #${lastRun.id}`}>
      <DefinitionList
        labelWidth={150}
        items={[
          { label: 'Status', value: <RunStatusChip status={lastRun.status} /> },
          { label: 'Kind', value: lastRun.kind },
          { label: 'Started', value: formatDateTime(lastRun.startedAt) },
          { label: 'Finished', value: lastRun.finishedAt ? formatDateTime(lastRun.finishedAt) : '—' },
          { label: 'Resources', value: judged ? formatCount(counts.resources) : notJudged },
          {
            label: 'Failing findings',
            value: judged ? (
              <Box
                component="span"
                sx={{ color: counts.failingFindings > 0 ? 'error.main' : undefined, fontWeight: 600 }}
              >
                {formatCount(counts.failingFindings)}
              </Box>
            ) : (
              notJudged
            ),
          },
          { label: 'Coverage gaps', value: formatCount(counts.coverageGaps) },
          { label: 'Evidence (all runs)', value: formatCount(counts.evidence) },
        ]}
      />
    </SectionPanel>
  );
}
