import { createTheme } from '@mui/material/styles';

/**
 * A calm, dense look for long working sessions: neutral surfaces, one deep blue accent, hairline
 * borders instead of shadows, compact tables. Both schemes are CSS variables, so switching is
 * instant and needs no re-render of the tree.
 */
const fontFamily = [
  '"Segoe UI"',
  '-apple-system',
  'BlinkMacSystemFont',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"Liberation Sans"',
  'system-ui',
  'sans-serif',
].join(', ');

export const monospaceFont = [
  '"SF Mono"',
  'Menlo',
  'Consolas',
  '"Liberation Mono"',
  '"DejaVu Sans Mono"',
  'monospace',
].join(', ');

export const deskTheme = createTheme({
  cssVariables: { colorSchemeSelector: 'class', cssVarPrefix: 'desk' },
  colorSchemes: {
    light: {
      palette: {
        primary: { main: '#1d4f73', light: '#3d7099', dark: '#143a55', contrastText: '#ffffff' },
        secondary: { main: '#4a5a6a' },
        success: { main: '#2e7d4f' },
        warning: { main: '#a15c07' },
        error: { main: '#b3261e' },
        background: { default: '#f4f6f8', paper: '#ffffff' },
        text: { primary: '#1b2631', secondary: '#55616d' },
        divider: '#dde2e7',
      },
    },
    dark: {
      palette: {
        primary: { main: '#7fb2dc', light: '#a4c9e8', dark: '#4d88b8', contrastText: '#0d1620' },
        secondary: { main: '#9aa8b5' },
        success: { main: '#6cc08b' },
        warning: { main: '#e3a64f' },
        error: { main: '#f08a80' },
        background: { default: '#11161c', paper: '#182028' },
        text: { primary: '#e3e8ed', secondary: '#9aa6b2' },
        divider: '#2a3440',
      },
    },
  },
  shape: { borderRadius: 6 },
  typography: {
    fontFamily,
    fontSize: 14,
    h4: { fontSize: '1.6rem', fontWeight: 600, letterSpacing: '-0.01em' },
    h5: { fontSize: '1.3rem', fontWeight: 600, letterSpacing: '-0.005em' },
    h6: { fontSize: '1.05rem', fontWeight: 600 },
    subtitle1: { fontWeight: 500 },
    subtitle2: { fontWeight: 600, fontSize: '0.8rem', letterSpacing: '0.02em' },
    overline: { fontWeight: 600, letterSpacing: '0.08em', lineHeight: 1.6 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  components: {
    MuiCssBaseline: {
      styleOverrides: {
        body: { WebkitFontSmoothing: 'antialiased' },
        code: { fontFamily: monospaceFont, fontSize: '0.85em' },
      },
    },
    MuiAppBar: { defaultProps: { elevation: 0, color: 'inherit' } },
    MuiPaper: {
      defaultProps: { elevation: 0 },
      styleOverrides: {
        root: { backgroundImage: 'none' },
        outlined: ({ theme }) => ({ borderColor: (theme.vars ?? theme).palette.divider }),
      },
    },
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
    MuiAutocomplete: { defaultProps: { size: 'small' } },
    MuiChip: { defaultProps: { size: 'small' } },
    MuiTable: { defaultProps: { size: 'small' } },
    MuiTableCell: {
      styleOverrides: {
        head: ({ theme }) => ({
          fontWeight: 600,
          fontSize: '0.78rem',
          letterSpacing: '0.02em',
          color: (theme.vars ?? theme).palette.text.secondary,
          whiteSpace: 'nowrap',
        }),
        sizeSmall: { paddingTop: 6, paddingBottom: 6 },
      },
    },
    MuiTooltip: { defaultProps: { arrow: true } },
    MuiDialog: { defaultProps: { maxWidth: 'md', fullWidth: true } },
    MuiListItemButton: {
      styleOverrides: {
        root: ({ theme }) => ({
          borderRadius: theme.shape.borderRadius,
          '&.Mui-selected': {
            backgroundColor: `rgba(${(theme.vars ?? theme).palette.primary.mainChannel} / 0.12)`,
            color: (theme.vars ?? theme).palette.primary.main,
            '& .MuiListItemIcon-root': { color: (theme.vars ?? theme).palette.primary.main },
          },
        }),
      },
    },
  },
});
