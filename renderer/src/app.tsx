import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import type { DeskConnection } from './api/desk';
import { DeskProvider } from './api/desk-context';
import { ErrorDisplayProvider } from './api/error-display';
import { AppShell } from './shell/app-shell';
import { MissingToken } from './shell/missing-token';
import { deskTheme } from './theme/theme';
import { WorkspaceProvider } from './workspace/workspace-context';

export function App({ connection }: { connection: DeskConnection }) {
  return (
    <ThemeProvider
      theme={deskTheme}
      defaultMode="system"
      modeStorageKey="phi-audit-desk.color-mode"
      noSsr
      disableTransitionOnChange
    >
      <CssBaseline enableColorScheme />
      <ErrorDisplayProvider>
        {connection.kind === 'ready' ? (
          <DeskProvider client={connection.client}>
            <WorkspaceProvider>
              <AppShell />
            </WorkspaceProvider>
          </DeskProvider>
        ) : (
          <MissingToken />
        )}
      </ErrorDisplayProvider>
    </ThemeProvider>
  );
}
