import LinearProgress from '@mui/material/LinearProgress';
import type { JobFinishedEvent } from '../api/use-job';

/** How a finished job's outcome is shown: completed is good news, cancelled a warning, failed an error. */
export function outcomeSeverity(outcome: JobFinishedEvent['outcome']): 'success' | 'warning' | 'error' {
  return outcome === 'completed' ? 'success' : outcome === 'cancelled' ? 'warning' : 'error';
}

interface JobProgressBarProps {
  /** The job's end, once it came; a job that did not complete leaves the bar where it stopped. */
  finished: JobFinishedEvent | null;
  /** Done of total, 0 to 100; null while the job has not said how much there is. */
  percent: number | null;
  label: string;
}

/** A long job's progress: indeterminate until it counts, full when it completed, amber when it did not. */
export function JobProgressBar({ finished, percent, label }: JobProgressBarProps) {
  return (
    <LinearProgress
      variant={finished || percent !== null ? 'determinate' : 'indeterminate'}
      value={finished?.outcome === 'completed' ? 100 : (percent ?? 0)}
      color={finished && finished.outcome !== 'completed' ? 'warning' : 'primary'}
      aria-label={label}
      sx={{ height: 6, borderRadius: 3 }}
    />
  );
}
