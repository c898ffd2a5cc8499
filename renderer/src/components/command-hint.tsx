import Box from '@mui/material/Box';
import { monospaceFont } from '../theme/theme';

/** A CLI command as the user would type it. */
export function CommandHint({ children }: { children: string }) {
  return (
    <Box
      component="code"
      sx={{
        fontFamily: monospaceFont,
        fontSize: '0.82rem',
        px: 0.75,
        py: 0.25,
        borderRadius: 1,
        bgcolor: 'action.hover',
        color: 'text.primary',
        whiteSpace: 'nowrap',
      }}
    >
      {children}
    </Box>
  );
}
