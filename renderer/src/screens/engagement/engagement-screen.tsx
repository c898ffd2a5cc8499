import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import { ScreenHeader } from '../../components/screen-header';
import { useWorkspace } from '../../workspace/workspace-context';
import { CreateEngagementForm } from './create-engagement-form';
import { EngagementSummary } from './engagement-summary';
import { OpenExistingPanel } from './open-existing-panel';

export function EngagementScreen() {
  const { summary, loading } = useWorkspace();
  if (loading) return <LinearProgress aria-label="Loading the open engagement" />;
  if (summary) return <EngagementSummary summary={summary} />;
  return (
    <>
      <ScreenHeader
        title="Engagement"
        description="No engagement is open. Create a workspace for a new engagement, or open one you or a colleague already collected."
      />
      <Box
        sx={{
          display: 'grid',
          gap: 2.5,
          alignItems: 'start',
          gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 7fr) minmax(0, 5fr)' },
        }}
      >
        <CreateEngagementForm />
        <OpenExistingPanel />
      </Box>
    </>
  );
}
