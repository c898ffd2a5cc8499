import BusinessCenterOutlined from '@mui/icons-material/BusinessCenterOutlined';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import { createContext, useContext, type ReactNode } from 'react';
import { EmptyState } from '../components/empty-state';
import { ScreenHeader } from '../components/screen-header';
import { hrefFor } from '../shell/router';
import { useWorkspace, type WorkspaceSummary } from './workspace-context';

const OpenWorkspaceContext = createContext<WorkspaceSummary | null>(null);

/**
 * Renders a screen only while a workspace is open; otherwise says so and links to Engagement.
 * Inside, useOpenWorkspace() returns the summary without a null check.
 */
export function RequiresWorkspace({ title, children }: { title: string; children: ReactNode }) {
  const { summary, loading } = useWorkspace();
  if (loading) return <LinearProgress aria-label="Loading the open engagement" />;
  if (!summary) {
    return (
      <>
        <ScreenHeader title={title} />
        <EmptyState
          icon={<BusinessCenterOutlined />}
          title="No engagement is open"
          actions={
            <Button variant="contained" href={hrefFor('engagement')}>
              Go to Engagement
            </Button>
          }
        >
          <p>
            This screen shows data from an engagement workspace. Create a new engagement or open an existing
            one first.
          </p>
        </EmptyState>
      </>
    );
  }
  return <OpenWorkspaceContext.Provider value={summary}>{children}</OpenWorkspaceContext.Provider>;
}

export function useOpenWorkspace(): WorkspaceSummary {
  const summary = useContext(OpenWorkspaceContext);
  if (!summary) throw new Error('useOpenWorkspace must be used inside <RequiresWorkspace>.');
  return summary;
}
