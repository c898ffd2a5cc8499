import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import LinearProgress from '@mui/material/LinearProgress';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { Suspense, useEffect } from 'react';
import { ScreenErrorBoundary } from '../components/screen-error-boundary';
import { RequiresWorkspace } from '../workspace/requires-workspace';
import { useWorkspace } from '../workspace/workspace-context';
import { ColorModeToggle } from './color-mode-toggle';
import { DRAWER_WIDTH, NavDrawer } from './nav-drawer';
import { ProductMark } from './product-mark';
import { useRoute } from './router';
import { screenById } from './screens';
import { WorkspaceMenu } from './workspace-menu';

export function AppShell() {
  const route = useRoute();
  const screen = screenById(route);
  const { summary } = useWorkspace();
  const Screen = screen.component;

  useEffect(() => {
    document.title = summary
      ? `${screen.label} · ${summary.engagement.client} · PHI Audit Desk`
      : `${screen.label} · PHI Audit Desk`;
  }, [screen.label, summary]);

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar
        position="fixed"
        sx={(theme) => ({
          zIndex: theme.zIndex.drawer + 1,
          bgcolor: '#163a56',
          color: '#f2f6f9',
          borderBottom: '1px solid',
          borderColor: 'transparent',
          ...theme.applyStyles('dark', {
            bgcolor: 'background.paper',
            color: 'text.primary',
            borderColor: 'divider',
          }),
        })}
      >
        <Toolbar variant="dense" sx={{ gap: 1.5, minHeight: 52 }}>
          <ProductMark />
          <Typography
            variant="subtitle1"
            component="span"
            sx={{ fontWeight: 600, whiteSpace: 'nowrap', mr: 1 }}
          >
            PHI Audit Desk
          </Typography>
          <Divider
            orientation="vertical"
            flexItem
            sx={{ my: 1.25, borderColor: 'currentColor', opacity: 0.25 }}
          />
          <WorkspaceMenu />
          <Box sx={{ flex: 1 }} />
          <ColorModeToggle />
        </Toolbar>
      </AppBar>
      <NavDrawer current={route} />
      <Box component="main" sx={{ flex: 1, minWidth: 0, width: `calc(100% - ${DRAWER_WIDTH}px)` }}>
        <Toolbar variant="dense" sx={{ minHeight: 52 }} />
        <Box sx={{ px: 4, py: 3, maxWidth: 1440 }}>
          <ScreenErrorBoundary resetKey={route}>
            <Suspense fallback={<LinearProgress aria-label={`Loading ${screen.label}`} />}>
              {screen.needsWorkspace ? (
                <RequiresWorkspace title={screen.label}>
                  <Screen />
                </RequiresWorkspace>
              ) : (
                <Screen />
              )}
            </Suspense>
          </ScreenErrorBoundary>
        </Box>
      </Box>
    </Box>
  );
}
