import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import { CommandHint } from '../components/command-hint';

/** Browser mode opened without the launch token (a typed or bookmarked address). */
export function MissingToken() {
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 3 }}>
      <Alert severity="warning" variant="outlined" sx={{ maxWidth: 640, bgcolor: 'background.paper' }}>
        <AlertTitle>Open PHI Audit Desk from the address it printed</AlertTitle>
        This page needs the one-time session token that <CommandHint>phi-audit ui</CommandHint> prints with
        its address (after <CommandHint>#token=</CommandHint>). The token is kept only in this browser tab, so
        a new tab or a bookmark cannot reach the workspace. Copy the full address from the terminal that runs{' '}
        <CommandHint>phi-audit ui</CommandHint>, or restart it.
      </Alert>
    </Box>
  );
}
