import CloudOutlined from '@mui/icons-material/CloudOutlined';
import { CommandHint } from '../components/command-hint';
import { EmptyState } from '../components/empty-state';
import { formatCount } from '../components/format';
import { ScreenHeader } from '../components/screen-header';
import { useOpenWorkspace } from '../workspace/requires-workspace';

export function TargetsScreen() {
  const { counts } = useOpenWorkspace();
  return (
    <>
      <ScreenHeader
        title="Targets"
        description="The AWS accounts and Azure subscriptions in scope: their cloud (commercial, GovCloud, Azure Government), the regions to read and the local credentials profile used to read them."
      />
      {counts.targets === 0 ? (
        <EmptyState icon={<CloudOutlined />} title="No targets in this workspace yet">
          <p>
            Targets are added when an assessment is planned. Run <CommandHint>phi-audit demo</CommandHint> for a simulated engagement, or{' '}
            <CommandHint>phi-audit assess</CommandHint> against the client&apos;s accounts; the targets it reads will be listed here.
          </p>
        </EmptyState>
      ) : (
        <EmptyState icon={<CloudOutlined />} title={`This workspace defines ${formatCount(counts.targets)} target${counts.targets === 1 ? '' : 's'}`}>
          <p>Listing and editing targets in the app is not available in this version yet.</p>
        </EmptyState>
      )}
    </>
  );
}
