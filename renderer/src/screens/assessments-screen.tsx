import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import { CommandHint } from '../components/command-hint';
import { EmptyState } from '../components/empty-state';
import { formatCount, formatDateTime } from '../components/format';
import { ScreenHeader } from '../components/screen-header';
import { useOpenWorkspace } from '../workspace/requires-workspace';

export function AssessmentsScreen() {
  const { counts, lastRun } = useOpenWorkspace();
  return (
    <>
      <ScreenHeader
        title="Assessments"
        description="Each run collects read-only evidence from the targets, then evaluates the rules against it. Runs, their live progress, the evidence they stored and the coverage gaps they met are listed here."
      />
      {lastRun === null ? (
        <EmptyState icon={<FactCheckOutlined />} title="No assessment has run in this workspace yet">
          <p>
            Run <CommandHint>phi-audit demo</CommandHint> for a simulated engagement, or <CommandHint>phi-audit assess</CommandHint> to
            collect from the client&apos;s AWS accounts and Azure subscriptions with your own read-only credentials.
          </p>
        </EmptyState>
      ) : (
        <EmptyState icon={<FactCheckOutlined />} title={`${formatCount(counts.runs)} run${counts.runs === 1 ? '' : 's'} recorded`}>
          <p>
            The last run (#{lastRun.id}, {lastRun.kind}) is {lastRun.status}; it started {formatDateTime(lastRun.startedAt)}. The workspace
            holds {formatCount(counts.evidence)} evidence records and {formatCount(counts.coverageGaps)} coverage gaps in the latest run.
          </p>
          <p>Browsing runs and evidence in the app is not available in this version yet.</p>
        </EmptyState>
      )}
    </>
  );
}
