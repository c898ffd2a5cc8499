import CloudSyncOutlined from '@mui/icons-material/CloudSyncOutlined';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import type { OpOutput } from '../../../src/api/contract';
import { useAction, useOperation } from '../api/hooks';
import { useJob } from '../api/use-job';
import { formatCount } from '../components/format';
import { ScreenHeader } from '../components/screen-header';
import { AccessKitDialog } from './assessments/access-kit-dialog';
import { AssessmentProgress } from './assessments/assessment-progress';
import { LatestRunPanel } from './assessments/latest-run-panel';
import { RunAssessmentPanel } from './assessments/run-assessment-panel';
import { hasFindings, RunHistory } from './assessments/run-history';
import { RunScopePanel } from './assessments/run-scope-panel';
import { findingsHref } from './findings/findings-route';

type Reevaluation = OpOutput<'assess.evaluate'>;

export function AssessmentsScreen() {
  const tracker = useJob('assess');
  const runs = useOperation('runs.list', {});
  // Re-evaluation judges the resources of the newest completed or partial collection run.
  const canReevaluate = (runs.data ?? []).some((r) => hasFindings(r.status));
  const [kitOpen, setKitOpen] = useState(false);
  const evaluate = useAction('assess.evaluate');
  const [reevaluation, setReevaluation] = useState<Reevaluation | null>(null);

  const reevaluate = async () => {
    setReevaluation(null);
    const result = await evaluate.run({});
    if (result.ok) setReevaluation(result.value);
  };

  return (
    <>
      <ScreenHeader
        title="Assessments"
        description="Each run collects read-only evidence from the targets, then evaluates the rules against it. A re-evaluation judges stored resources again with the current rules and engagement settings, with no network."
        actions={
          <>
            <Button variant="outlined" startIcon={<KeyOutlined />} onClick={() => setKitOpen(true)}>
              Access kit
            </Button>
            <Button
              variant="outlined"
              startIcon={
                evaluate.pending ? <CircularProgress size={16} color="inherit" /> : <CloudSyncOutlined />
              }
              onClick={() => void reevaluate()}
              disabled={evaluate.pending || tracker.running || !canReevaluate}
            >
              Re-evaluate offline
            </Button>
          </>
        }
      />
      <Stack spacing={2.5}>
        {reevaluation ? (
          <Alert
            severity="success"
            variant="outlined"
            onClose={() => setReevaluation(null)}
            data-testid="reevaluation-result"
            action={
              <Button color="inherit" size="small" href={findingsHref(reevaluation.runId)}>
                Findings
              </Button>
            }
          >
            <AlertTitle>
              Run #{reevaluation.runId} re-evaluated the resources of run #{reevaluation.sourceRunId}
            </AlertTitle>
            {formatCount(reevaluation.stats.findings.fail)} failing findings (
            {reevaluation.stats.baselineRunId === null
              ? 'first run: no previous run to compare with'
              : `${formatCount(reevaluation.stats.newFailures)} new, ${formatCount(reevaluation.stats.resolved)} resolved since the previous run`}
            ) over {formatCount(reevaluation.stats.resources)} resources. No cloud was contacted.
          </Alert>
        ) : null}
        <Box
          sx={{
            display: 'grid',
            gap: 2.5,
            alignItems: 'start',
            gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 6fr) minmax(0, 5fr)' },
          }}
        >
          <RunAssessmentPanel busy={tracker.running} onStarted={tracker.track} />
          {tracker.job ? <AssessmentProgress tracker={tracker} /> : <LatestRunPanel />}
        </Box>
        <RunScopePanel />
        <RunHistory runs={runs} />
      </Stack>
      {kitOpen ? <AccessKitDialog onClose={() => setKitOpen(false)} /> : null}
    </>
  );
}
