import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';
import { CommandHint } from '../components/command-hint';
import { EmptyState } from '../components/empty-state';
import { formatCount } from '../components/format';
import { ScreenHeader } from '../components/screen-header';
import { useOpenWorkspace } from '../workspace/requires-workspace';

export function ControlsScreen() {
  const { counts, lastRun } = useOpenWorkspace();
  return (
    <>
      <ScreenHeader
        title="Controls"
        description="The HIPAA Security Rule control matrix (45 CFR 164.308–164.316): each standard and implementation specification with the findings that support it, and manual attestations (policies, training records, pen-test reports) for what no cloud API can show."
      />
      <EmptyState icon={<VerifiedUserOutlined />} title={lastRun === null ? 'No assessment has run in this workspace yet' : 'Control matrix not available yet'}>
        {lastRun === null ? (
          <p>
            Automated controls are judged from assessment results. Run <CommandHint>phi-audit demo</CommandHint> or{' '}
            <CommandHint>phi-audit assess</CommandHint> first.
          </p>
        ) : (
          <p>The control matrix view is not available in this version yet.</p>
        )}
        <p>
          This workspace holds {formatCount(counts.attestations)} manual attestation{counts.attestations === 1 ? '' : 's'}.
        </p>
      </EmptyState>
    </>
  );
}
