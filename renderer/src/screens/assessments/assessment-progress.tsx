import CloseOutlined from '@mui/icons-material/CloseOutlined';
import StopCircleOutlined from '@mui/icons-material/StopCircleOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { detailNumber, detailText, type JobTracker, type TrackedJob } from '../../api/use-job';
import { formatCount } from '../../components/format';
import { JobProgressBar, outcomeSeverity } from '../../components/job-progress-bar';
import { SectionPanel } from '../../components/section-panel';
import { hrefFor } from '../../shell/router';
import { monospaceFont } from '../../theme/theme';

const PHASES = [
  { id: 'connect', label: 'Sign in', unit: 'targets' },
  { id: 'collect', label: 'Collect', unit: 'tasks' },
  { id: 'evaluate', label: 'Evaluate', unit: 'resources' },
  { id: 'done', label: 'Done', unit: 'tasks' },
] as const;

function Counter({
  label,
  value,
  testId,
  alert,
}: {
  label: string;
  value: string;
  testId: string;
  alert?: boolean;
}) {
  return (
    <Box>
      <Typography variant="caption" component="dt" sx={{ color: 'text.secondary', display: 'block' }}>
        {label}
      </Typography>
      <Typography
        component="dd"
        variant="body2"
        data-testid={testId}
        title={value}
        noWrap
        sx={{
          m: 0,
          fontWeight: 600,
          fontVariantNumeric: 'tabular-nums',
          color: alert ? 'warning.main' : 'text.primary',
        }}
      >
        {value}
      </Typography>
    </Box>
  );
}

/** The counters under the progress bar: four columns, each a term and its value. */
const COUNTER_GRID = {
  m: 0,
  display: 'grid',
  columnGap: 2,
  rowGap: 1.5,
  gridTemplateColumns: 'repeat(4, minmax(0, 1fr))',
} as const;

interface RunSummary {
  runId: number | null;
  evidence: number;
  gaps: number;
  resources: number | null;
  failing: number | null;
}

/** The totals a finished run reports (its result), or what the last progress event said. */
function runSummary(job: TrackedJob<'assess'>): RunSummary | null {
  const result = job.finished?.result;
  const evidence = result?.stats.evidence ?? detailNumber(job.progress, 'evidence');
  const gaps = result?.stats.gaps ?? detailNumber(job.progress, 'gaps');
  if (evidence === null || gaps === null) return null;
  return {
    runId: result?.runId ?? null,
    evidence,
    gaps,
    // A cancelled run stops before it judges anything: no resource or finding counts.
    resources: result?.stats.resources ?? null,
    failing: result?.stats.findings?.fail ?? null,
  };
}

/**
 * The run's outcome, not only the job's: a job that ran to its end may report a run that is
 * partial (some target or service not assessed) or failed (nothing assessed). Never green then.
 */
type RunOutcome = 'completed' | 'partial' | 'failed' | 'cancelled';

function runOutcome(job: TrackedJob<'assess'>): RunOutcome | null {
  const finished = job.finished;
  if (!finished) return null;
  if (finished.outcome !== 'completed') return finished.outcome;
  return finished.result?.status ?? 'completed';
}

const OUTCOME_TITLE: Record<RunOutcome, string> = {
  completed: 'Assessment completed',
  partial: 'Assessment partial: some of the scope was not assessed',
  failed: 'Assessment failed: nothing was assessed',
  cancelled: 'Assessment cancelled',
};

const OUTCOME_SEVERITY: Record<RunOutcome, 'success' | 'warning' | 'error'> = {
  completed: 'success',
  partial: 'warning',
  failed: 'error',
  cancelled: 'warning',
};

/** The running (or just finished) assessment: phase, progress, where it is and what it has stored. */
export function AssessmentProgress({ tracker }: { tracker: JobTracker<'assess'> }) {
  const { job } = tracker;
  if (!job) return null;
  const p = job.progress;
  const finished = job.finished;
  const outcome = runOutcome(job);
  const phaseIndex =
    outcome === 'completed' || outcome === 'partial'
      ? PHASES.length
      : Math.max(
          0,
          PHASES.findIndex((ph) => ph.id === p?.phase),
        );
  const phase = PHASES[Math.min(phaseIndex, PHASES.length - 1)]!;
  const percent = p && p.total > 0 ? Math.min(100, (p.done / p.total) * 100) : null;
  const evidence = detailNumber(p, 'evidence');
  const gaps = detailNumber(p, 'gaps');
  const summary = finished ? runSummary(job) : null;
  // A failed run judged nothing: its zero findings must not read as a clean result.
  const judged = outcome !== 'failed';

  return (
    <SectionPanel
      title={
        finished
          ? summary && summary.runId !== null
            ? `Run #${summary.runId}`
            : 'Last assessment'
          : 'Assessment running'
      }
      testId="assessment-progress"
      actions={
        finished ? (
          <Button size="small" color="inherit" startIcon={<CloseOutlined />} onClick={tracker.dismiss}>
            Dismiss
          </Button>
        ) : (
          <Button
            size="small"
            variant="outlined"
            color="error"
            startIcon={<StopCircleOutlined />}
            onClick={() => void tracker.cancel()}
            disabled={job.cancelRequested}
          >
            {job.cancelRequested ? 'Cancelling…' : 'Cancel run'}
          </Button>
        )
      }
    >
      <Stepper activeStep={phaseIndex} aria-label="Assessment phases" sx={{ maxWidth: 640 }}>
        {PHASES.map((ph, i) => (
          <Step key={ph.id} completed={i < phaseIndex}>
            <StepLabel error={outcome !== null && outcome !== 'completed' && i === phaseIndex}>
              {ph.label}
            </StepLabel>
          </Step>
        ))}
      </Stepper>
      <Box>
        <JobProgressBar finished={finished} percent={percent} label="Assessment progress" />
        <Stack direction="row" spacing={2} sx={{ mt: 0.75, justifyContent: 'space-between' }}>
          <Typography
            variant="body2"
            role="status"
            data-testid="progress-message"
            noWrap
            title={p?.message}
            sx={{ minWidth: 0 }}
          >
            {p?.message ?? 'Starting…'}
          </Typography>
          {p && !finished ? (
            <Typography
              variant="body2"
              sx={{ color: 'text.secondary', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
              data-testid="progress-count"
            >
              {formatCount(p.done)} of {formatCount(p.total)} {phase.unit}
            </Typography>
          ) : null}
        </Stack>
      </Box>
      {finished && summary ? (
        <Box component="dl" sx={COUNTER_GRID}>
          <Counter label="Evidence items" value={formatCount(summary.evidence)} testId="progress-evidence" />
          <Counter
            label="Coverage gaps"
            value={formatCount(summary.gaps)}
            testId="progress-gaps"
            alert={summary.gaps > 0}
          />
          <Counter
            label="Resources"
            value={summary.resources === null || !judged ? '—' : formatCount(summary.resources)}
            testId="result-resources"
          />
          <Counter
            label="Failing findings"
            value={summary.failing === null || !judged ? '—' : formatCount(summary.failing)}
            testId="result-failing"
          />
        </Box>
      ) : (
        <Box component="dl" sx={{ ...COUNTER_GRID, '& > :first-of-type': { gridColumn: '1 / -1' } }}>
          <Counter label="Target" value={detailText(p, 'target') ?? '—'} testId="progress-target" />
          <Counter label="Service" value={detailText(p, 'service') ?? '—'} testId="progress-service" />
          <Counter label="Region" value={detailText(p, 'region') ?? '—'} testId="progress-region" />
          <Counter
            label="Evidence items"
            value={evidence === null ? '—' : formatCount(evidence)}
            testId="progress-evidence"
          />
          <Counter
            label="Coverage gaps"
            value={gaps === null ? '—' : formatCount(gaps)}
            testId="progress-gaps"
            alert={(gaps ?? 0) > 0}
          />
        </Box>
      )}
      {finished ? (
        <Alert
          severity={outcome ? OUTCOME_SEVERITY[outcome] : outcomeSeverity(finished.outcome)}
          variant="outlined"
          data-testid="assessment-outcome"
          data-outcome={outcome ?? undefined}
          action={
            outcome === 'completed' || outcome === 'partial' ? (
              <Button color="inherit" size="small" href={hrefFor('findings')} sx={{ whiteSpace: 'nowrap' }}>
                View findings
              </Button>
            ) : undefined
          }
        >
          <AlertTitle>{outcome ? OUTCOME_TITLE[outcome] : ''}</AlertTitle>
          <Box component="span" sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {finished.message}
          </Box>
          {finished.errorCode ? (
            <Box
              component="span"
              sx={{ display: 'block', mt: 0.5, fontFamily: monospaceFont, fontSize: '0.78rem' }}
            >
              {finished.errorCode}
            </Box>
          ) : null}
        </Alert>
      ) : null}
    </SectionPanel>
  );
}
