import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useDesk } from '../api/hooks';
import { useAppInfo, useOpenWorkspaceFile } from './workspace-actions';

/** Open a workspace by typing its path (browser mode) or choosing it (Electron's dialog). */
export function OpenPathDialog({ onClose }: { onClose(): void }) {
  const desk = useDesk();
  const info = useAppInfo();
  const [path, setPath] = useState('');
  // Shown in the dialog itself: the user is looking here, not at the snackbar.
  const { open, pending, error, reset } = useOpenWorkspaceFile({ handlesError: () => true });

  const openPath = async (p: string) => {
    const result = await open(p);
    if (result.ok) onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void openPath(path);
  };

  const browse = async () => {
    const chosen = await desk.dialogs?.openWorkspace();
    if (chosen) void openPath(chosen);
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" aria-labelledby="open-path-title">
      <form noValidate onSubmit={submit}>
        <DialogTitle id="open-path-title">Open engagement</DialogTitle>
        <DialogContent>
          {error ? (
            <Alert severity="error" sx={{ mb: 2 }}>
              {error.message}
            </Alert>
          ) : null}
          <TextField
            id="open-path-input"
            autoFocus
            label="Path to a .phiaudit file"
            value={path}
            onChange={(e) => {
              setPath(e.target.value);
              reset();
            }}
            helperText={info ? `New workspaces are kept in ${info.workspaceDir}` : ' '}
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2.5 }}>
          {desk.dialogs ? (
            <Button startIcon={<FolderOpenOutlined />} onClick={() => void browse()} sx={{ mr: 'auto' }}>
              Browse…
            </Button>
          ) : null}
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={pending || path.trim() === ''}>
            Open
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
