import BusinessCenterOutlined from '@mui/icons-material/BusinessCenterOutlined';
import LinearProgress from '@mui/material/LinearProgress';
import { createContext, useContext, type ReactNode } from 'react';
import { EmptyScreen } from '../components/empty-screen';
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
      <EmptyScreen
        header={<ScreenHeader title={title} />}
        icon={<BusinessCenterOutlined />}
        title="No engagement is open"
        goTo={{ href: hrefFor('engagement'), label: 'Go to Engagement' }}
      >
        <p>
          This screen shows data from an engagement workspace. Create a new engagement or open an existing one
          first.
        </p>
      </EmptyScreen>
    );
  }
  return <OpenWorkspaceContext.Provider value={summary}>{children}</OpenWorkspaceContext.Provider>;
}

export function useOpenWorkspace(): WorkspaceSummary {
  const summary = useContext(OpenWorkspaceContext);
  if (!summary) throw new Error('useOpenWorkspace must be used inside <RequiresWorkspace>.');
  return summary;
}
