import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}

/** What a screen shows when it has nothing to show: why, and what to do about it. */
export function EmptyState({ icon, title, children, actions }: EmptyStateProps) {
  return (
    <Paper variant="outlined" sx={{ px: 4, py: 5 }}>
      <Stack direction="row" spacing={3} sx={{ alignItems: 'flex-start', maxWidth: 760 }}>
        <Box sx={{ color: 'text.secondary', '& svg': { fontSize: 40 }, pt: 0.5 }}>{icon}</Box>
        <Stack spacing={1.25}>
          <Typography variant="h6" component="h2">
            {title}
          </Typography>
          <Box
            sx={{ color: 'text.secondary', typography: 'body2', '& p': { m: 0 }, display: 'grid', gap: 1 }}
          >
            {children}
          </Box>
          {actions ? (
            <Stack direction="row" spacing={1} sx={{ pt: 1 }}>
              {actions}
            </Stack>
          ) : null}
        </Stack>
      </Stack>
    </Paper>
  );
}
