import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';

/**
 * A thin progress bar above a table or document while it loads. The 4px it stands in are kept when
 * it is hidden, so the content below does not jump.
 */
export function LoadingBar({ loading, label }: { loading: boolean; label: string }) {
  return <Box sx={{ height: 4 }}>{loading ? <LinearProgress aria-label={label} /> : null}</Box>;
}
