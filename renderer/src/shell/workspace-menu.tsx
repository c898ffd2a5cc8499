import AddOutlined from '@mui/icons-material/AddOutlined';
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined';
import InsertDriveFileOutlined from '@mui/icons-material/InsertDriveFileOutlined';
import KeyboardArrowDown from '@mui/icons-material/KeyboardArrowDown';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useDesk, useOperation } from '../api/hooks';
import { formatShortDateTime } from '../components/format';
import { OpenPathDialog } from '../workspace/open-path-dialog';
import { useCloseWorkspace, useOpenWorkspaceFile } from '../workspace/workspace-actions';
import { useWorkspace } from '../workspace/workspace-context';
import { navigate } from './router';

const MAX_RECENT = 6;

/** The open engagement in the app bar, and the ways to switch, open, start or close one. */
export function WorkspaceMenu() {
  const desk = useDesk();
  const { summary } = useWorkspace();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [pathDialog, setPathDialog] = useState(false);
  const recent = useOperation('workspace.recent', {}, { enabled: anchor !== null });
  const { open } = useOpenWorkspaceFile();
  const { close } = useCloseWorkspace();
  const others = (recent.data ?? []).filter((w) => w.path !== summary?.path).slice(0, MAX_RECENT);

  const closeMenu = () => setAnchor(null);
  const browse = async () => {
    closeMenu();
    const chosen = await desk.dialogs?.openWorkspace();
    if (chosen) void open(chosen);
  };

  return (
    <>
      <Button
        color="inherit"
        onClick={(e) => setAnchor(e.currentTarget)}
        endIcon={<KeyboardArrowDown />}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        aria-controls={anchor ? 'workspace-menu' : undefined}
        data-testid="workspace-menu-button"
        sx={{ textAlign: 'left', py: 0.5, px: 1.25, minWidth: 0, maxWidth: 520, fontWeight: 400 }}
      >
        {summary ? (
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="body2" noWrap sx={{ fontWeight: 600, lineHeight: 1.25 }}>
              {summary.engagement.client}
            </Typography>
            <Typography variant="caption" noWrap component="p" sx={{ opacity: 0.75, lineHeight: 1.25 }}>
              {summary.fileName}
            </Typography>
          </Box>
        ) : (
          <Typography variant="body2" sx={{ opacity: 0.8 }}>
            No engagement open
          </Typography>
        )}
      </Button>
      <Menu
        id="workspace-menu"
        anchorEl={anchor}
        open={anchor !== null}
        onClose={closeMenu}
        slotProps={{ paper: { sx: { minWidth: 320, maxWidth: 440 } }, list: { dense: true } }}
      >
        {others.length > 0 ? (
          <ListSubheader sx={{ lineHeight: '32px' }}>{summary ? 'Switch to' : 'Recent'}</ListSubheader>
        ) : null}
        {others.map((w) => (
          <MenuItem
            key={w.path}
            onClick={() => {
              closeMenu();
              void open(w.path);
            }}
          >
            <ListItemIcon>
              <InsertDriveFileOutlined fontSize="small" />
            </ListItemIcon>
            <ListItemText primary={w.fileName} secondary={`Modified ${formatShortDateTime(w.modifiedAt)}`} />
          </MenuItem>
        ))}
        {others.length > 0 ? <Divider /> : null}
        <MenuItem
          onClick={() => {
            closeMenu();
            setPathDialog(true);
          }}
        >
          <ListItemIcon>
            <FolderOpenOutlined fontSize="small" />
          </ListItemIcon>
          <ListItemText primary="Open by path…" />
        </MenuItem>
        {desk.dialogs ? (
          <MenuItem onClick={() => void browse()}>
            <ListItemIcon>
              <FolderOpenOutlined fontSize="small" />
            </ListItemIcon>
            <ListItemText primary="Browse…" />
          </MenuItem>
        ) : null}
        <MenuItem
          onClick={() => {
            closeMenu();
            // Creating replaces the open workspace; close it first so the form is shown.
            void (summary ? close() : Promise.resolve()).then(() => navigate('engagement'));
          }}
        >
          <ListItemIcon>
            <AddOutlined fontSize="small" />
          </ListItemIcon>
          <ListItemText primary="New engagement…" />
        </MenuItem>
        {summary ? <Divider /> : null}
        {summary ? (
          <MenuItem
            onClick={() => {
              closeMenu();
              void close();
            }}
          >
            <ListItemIcon>
              <CloseOutlined fontSize="small" />
            </ListItemIcon>
            <ListItemText primary="Close engagement" />
          </MenuItem>
        ) : null}
      </Menu>
      {pathDialog ? <OpenPathDialog onClose={() => setPathDialog(false)} /> : null}
    </>
  );
}
