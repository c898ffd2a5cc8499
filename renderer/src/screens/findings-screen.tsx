import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import { CommandHint } from '../components/command-hint';
import { EmptyState } from '../components/empty-state';
import { formatCount } from '../components/format';
import { ScreenHeader } from '../components/screen-header';
import { useOpenWorkspace } from '../workspace/requires-workspace';

export function FindingsScreen() {
  const { counts, lastRun } = useOpenWorkspace();
  return (
    <>
      <ScreenHeader
        title="Findings"
        description="Rule results per resource, with severity, the Security Rule citation, the evidence behind each one and its triage decision (accepted risk, remediation planned, false positive), carried from run to run."
      />
      {lastRun === null ? (
        <EmptyState icon={<ReportProblemOutlined />} title="No findings yet">
          <p>
            No assessment has run in this workspace yet. Run <CommandHint>phi-audit demo</CommandHint> or{' '}
            <CommandHint>phi-audit assess</CommandHint>; its findings will be listed here for triage.
          </p>
        </EmptyState>
      ) : (
        <EmptyState
          icon={<ReportProblemOutlined />}
          title={`${formatCount(counts.failingFindings)} failing finding${counts.failingFindings === 1 ? '' : 's'} in the latest run`}
        >
          <p>Reviewing and triaging findings in the app is not available in this version yet.</p>
        </EmptyState>
      )}
    </>
  );
}
