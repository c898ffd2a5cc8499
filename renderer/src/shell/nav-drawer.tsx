import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useAppInfo } from '../workspace/workspace-actions';
import { hrefFor, type ScreenId } from './router';
import { screens, type ScreenDef } from './screens';

export const DRAWER_WIDTH = 232;

const groups: ScreenDef['group'][] = ['Scope', 'Assessment', 'Documentation'];

export function NavDrawer({ current }: { current: ScreenId }) {
  const info = useAppInfo();
  return (
    <Drawer
      variant="permanent"
      sx={{
        width: DRAWER_WIDTH,
        flexShrink: 0,
        '& .MuiDrawer-paper': {
          width: DRAWER_WIDTH,
          boxSizing: 'border-box',
          bgcolor: 'background.default',
          borderRightColor: 'divider',
        },
      }}
    >
      <Toolbar variant="dense" />
      <Box component="nav" aria-label="Screens" sx={{ flex: 1, overflowY: 'auto', px: 1.25, pt: 1 }}>
        {groups.map((group) => (
          <List
            key={group}
            dense
            disablePadding
            sx={{ mb: 1 }}
            subheader={
              <ListSubheader
                disableSticky
                sx={{
                  bgcolor: 'transparent',
                  lineHeight: '32px',
                  fontSize: '0.7rem',
                  letterSpacing: '0.08em',
                  textTransform: 'uppercase',
                  fontWeight: 600,
                }}
              >
                {group}
              </ListSubheader>
            }
          >
            {screens
              .filter((s) => s.group === group)
              .map((s) => (
                <ListItemButton
                  key={s.id}
                  component="a"
                  href={hrefFor(s.id)}
                  selected={s.id === current}
                  aria-current={s.id === current ? 'page' : undefined}
                  sx={{ mb: 0.25, py: 0.75 }}
                >
                  <ListItemIcon sx={{ minWidth: 34, '& svg': { fontSize: 20 } }}>{s.icon}</ListItemIcon>
                  <ListItemText
                    primary={s.label}
                    slotProps={{
                      primary: { sx: { fontSize: '0.875rem', fontWeight: s.id === current ? 600 : 500 } },
                    }}
                  />
                </ListItemButton>
              ))}
          </List>
        ))}
      </Box>
      <Box sx={{ px: 2.5, py: 1.5, borderTop: 1, borderColor: 'divider' }}>
        <Typography variant="caption" component="p" sx={{ color: 'text.secondary' }}>
          {info
            ? `Version ${info.toolVersion} · ${info.frontDoor === 'browser' ? 'browser mode' : 'desktop'}`
            : ' '}
        </Typography>
      </Box>
    </Drawer>
  );
}
