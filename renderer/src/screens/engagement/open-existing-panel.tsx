import InsertDriveFileOutlined from '@mui/icons-material/InsertDriveFileOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useDesk, useOperation } from '../../api/hooks';
import { fieldErrorOf } from '../../components/field-errors';
import { formatBytes, formatShortDateTime } from '../../components/format';
import { PathField } from '../../components/path-field';
import { useAppInfo, useOpenWorkspaceFile } from '../../workspace/workspace-actions';

export function OpenExistingPanel() {
  const desk = useDesk();
  const info = useAppInfo();
  const recent = useOperation('workspace.recent', {});
  const [path, setPath] = useState('');
  const { open, pending, error, reset } = useOpenWorkspaceFile({
    handlesError: (e) => fieldErrorOf(e, ['path']) !== null,
  });
  const pathError = fieldErrorOf(error, ['path']);

  const submitPath = (event: FormEvent) => {
    event.preventDefault();
    void open(path);
  };

  const browse = async () => {
    const chosen = await desk.dialogs?.openWorkspace();
    if (chosen) void open(chosen);
  };

  const rows = recent.data ?? [];
  return (
    <Paper variant="outlined" component="section" aria-labelledby="open-existing-title" sx={{ p: 3 }}>
      <Typography id="open-existing-title" variant="h6" component="h2">
        Open existing
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5, mb: 2 }}>
        {info ? (
          <>
            Workspaces in <code>{info.workspaceDir}</code>, newest first.
          </>
        ) : (
          'Workspaces in the workspace folder, newest first.'
        )}
      </Typography>

      <Box sx={{ position: 'relative', minHeight: 4 }}>
        {recent.loading ? <LinearProgress sx={{ position: 'absolute', inset: '0 0 auto 0' }} /> : null}
      </Box>
      {rows.length > 0 ? (
        <Table aria-label="Recent workspaces" sx={{ mb: 3, tableLayout: 'fixed' }}>
          <TableHead>
            <TableRow>
              <TableCell>File</TableCell>
              <TableCell sx={{ width: 88 }} />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((w) => (
              <TableRow key={w.path} hover>
                <TableCell>
                  <Stack direction="row" spacing={1.25} sx={{ alignItems: 'center', minWidth: 0 }}>
                    <InsertDriveFileOutlined
                      fontSize="small"
                      sx={{ color: 'text.secondary', flexShrink: 0 }}
                    />
                    <Box sx={{ minWidth: 0 }}>
                      <Typography variant="body2" noWrap title={w.path} sx={{ fontWeight: 500 }}>
                        {w.fileName}
                      </Typography>
                      <Typography variant="caption" component="p" noWrap sx={{ color: 'text.secondary' }}>
                        Modified {formatShortDateTime(w.modifiedAt)} · {formatBytes(w.sizeBytes)}
                      </Typography>
                    </Box>
                  </Stack>
                </TableCell>
                <TableCell align="right" sx={{ pr: 1 }}>
                  <Button
                    size="small"
                    variant="outlined"
                    onClick={() => void open(w.path)}
                    disabled={pending}
                    aria-label={`Open ${w.fileName}`}
                  >
                    Open
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : recent.loading ? null : (
        <Typography
          variant="body2"
          sx={{
            color: 'text.secondary',
            py: 2,
            mb: 2,
            borderTop: 1,
            borderBottom: 1,
            borderColor: 'divider',
          }}
        >
          No workspaces in this folder yet. Create one, or open a file by its path.
        </Typography>
      )}

      <form noValidate onSubmit={submitPath} aria-label="Open by path">
        <PathField
          id="open-workspace-path"
          label="Path to a .phiaudit file"
          placeholder="/home/you/engagements/client-2025.phiaudit"
          value={path}
          onChange={(e) => {
            setPath(e.target.value);
            reset();
          }}
          error={Boolean(pathError)}
          helperText={pathError?.message ?? 'An absolute path, e.g. a workspace someone else collected.'}
          actions={
            <Button type="submit" variant="outlined" disabled={pending} sx={{ flexShrink: 0, height: 40 }}>
              Open
            </Button>
          }
          onBrowse={() => void browse()}
        />
      </form>
    </Paper>
  );
}
