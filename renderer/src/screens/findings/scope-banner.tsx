import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import { useOperation } from '../../api/hooks';
import { RunScopeDetails } from '../assessments/run-scope-details';

/**
 * Above the findings: what the run assessed and what it did not, in one line, with the details a
 * click away. Findings speak only for the services assessed; this says which they are.
 */
export function ScopeBanner({ runId }: { runId: number | null }) {
  const scope = useOperation('scope.get', runId === null ? {} : { runId });
  const [open, setOpen] = useState(false);
  const data = scope.data;
  if (!data || data.runId === null) return null;
  const incomplete =
    !data.inventoryCollected || data.totals.signedIn < data.totals.targets || data.totals.inventoriedOnly > 0;
  return (
    <>
      <Alert
        severity={incomplete ? 'warning' : 'info'}
        variant="outlined"
        data-testid="scope-banner"
        action={
          <Button color="inherit" size="small" onClick={() => setOpen(true)} sx={{ whiteSpace: 'nowrap' }}>
            Scope details
          </Button>
        }
      >
        {data.summary}
      </Alert>
      {open ? (
        <Dialog open onClose={() => setOpen(false)} aria-labelledby="scope-title" maxWidth="lg" fullWidth>
          <DialogTitle id="scope-title">
            Scope of run #{data.runId}: what was assessed, and what was not
          </DialogTitle>
          <DialogContent>
            <RunScopeDetails scope={data} />
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2.5 }}>
            <Button onClick={() => setOpen(false)}>Close</Button>
          </DialogActions>
        </Dialog>
      ) : null}
    </>
  );
}
