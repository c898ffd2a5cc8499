import AccountTreeOutlined from '@mui/icons-material/AccountTreeOutlined';
import { CommandHint } from '../components/command-hint';
import { EmptyState } from '../components/empty-state';
import { formatCount } from '../components/format';
import { ScreenHeader } from '../components/screen-header';
import { useOpenWorkspace } from '../workspace/requires-workspace';

export function PhiFlowsScreen() {
  const { counts, lastRun } = useOpenWorkspace();
  return (
    <>
      <ScreenHeader
        title="PHI flows"
        description="Diagrams of where PHI enters, is stored, processed and leaves the platform, drawn over the resources an assessment classified as PHI, with the safeguards on each path. They go into the audit package as SVG."
      />
      {counts.phiFlows === 0 ? (
        <EmptyState icon={<AccountTreeOutlined />} title="No PHI flow has been drawn yet">
          {lastRun === null ? (
            <p>
              Flows start from the resources an assessment found. No assessment has run in this workspace yet:
              run <CommandHint>phi-audit demo</CommandHint> or <CommandHint>phi-audit assess</CommandHint>{' '}
              first.
            </p>
          ) : (
            <p>Drawing PHI flows in the app is not available in this version yet.</p>
          )}
        </EmptyState>
      ) : (
        <EmptyState
          icon={<AccountTreeOutlined />}
          title={`${formatCount(counts.phiFlows)} PHI flow${counts.phiFlows === 1 ? '' : 's'} in this workspace`}
        >
          <p>Viewing and editing PHI flows in the app is not available in this version yet.</p>
        </EmptyState>
      )}
    </>
  );
}
