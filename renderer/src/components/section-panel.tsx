import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, type ReactNode } from 'react';

interface SectionPanelProps {
  title: string;
  /** One sentence under the title. */
  description?: ReactNode;
  /** Buttons at the right of the title. */
  actions?: ReactNode;
  /** No inner padding (a table fills the panel). */
  flush?: boolean;
  children: ReactNode;
  testId?: string;
}

/** A titled, outlined region of a screen; the title names it for assistive technology. */
export function SectionPanel({ title, description, actions, flush, children, testId }: SectionPanelProps) {
  const titleId = useId();
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby={titleId}
      data-testid={testId}
      sx={{ overflow: 'hidden' }}
    >
      <Stack
        direction="row"
        spacing={2}
        sx={{
          alignItems: 'flex-start',
          justifyContent: 'space-between',
          px: 2.5,
          pt: 2,
          pb: flush ? 1.5 : 0,
        }}
      >
        <Stack spacing={0.25} sx={{ minWidth: 0 }}>
          <Typography id={titleId} variant="h6" component="h2">
            {title}
          </Typography>
          {description ? (
            <Typography variant="body2" component="div" sx={{ color: 'text.secondary', maxWidth: 860 }}>
              {description}
            </Typography>
          ) : null}
        </Stack>
        {actions ? (
          <Stack direction="row" spacing={1} sx={{ flexShrink: 0, alignItems: 'center' }}>
            {actions}
          </Stack>
        ) : null}
      </Stack>
      {flush ? (
        children
      ) : (
        <Stack spacing={2} sx={{ px: 2.5, pt: 2, pb: 2.5 }}>
          {children}
        </Stack>
      )}
    </Paper>
  );
}
