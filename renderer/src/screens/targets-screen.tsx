import CloudOutlined from '@mui/icons-material/CloudOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useOperation } from '../api/hooks';
import { EmptyState } from '../components/empty-state';
import { formatDateTime } from '../components/format';
import { ScreenHeader } from '../components/screen-header';
import { hrefFor } from '../shell/router';
import { monospaceFont } from '../theme/theme';
import { describeSignIn } from './assessments/target-draft';

const CLOUD_LABEL: Record<string, string> = {
  aws: 'AWS commercial',
  'aws-us-gov': 'AWS GovCloud (US)',
  AzureCloud: 'Azure public',
  AzureUSGovernment: 'Azure Government',
  custom: 'Custom endpoint',
};

const mono = { fontFamily: monospaceFont, fontSize: '0.78rem' } as const;

export function TargetsScreen() {
  const targets = useOperation('targets.list', {});
  const rows = targets.data ?? [];
  const header = (
    <ScreenHeader
      title="Targets"
      description="The AWS accounts and Azure subscriptions in scope: their cloud (commercial, GovCloud, Azure Government), the regions read and how the run signed in. Only non-secret selectors are stored."
    />
  );
  if (targets.data && rows.length === 0) {
    return (
      <>
        {header}
        <EmptyState
          icon={<CloudOutlined />}
          title="No targets in this workspace yet"
          actions={
            <Button variant="contained" href={hrefFor('assessments')}>
              Go to Assessments
            </Button>
          }
        >
          <p>
            Targets are recorded when an assessment runs: the simulated demo organisation, a scenario file, or
            the live accounts you add on the Assessments screen.
          </p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {header}
      <Paper variant="outlined">
        <Box sx={{ height: 4 }}>
          {targets.loading ? <LinearProgress aria-label="Loading targets" /> : null}
        </Box>
        <TableContainer>
          <Table aria-label="Targets">
            <TableHead>
              <TableRow>
                <TableCell>Label</TableCell>
                <TableCell>Provider</TableCell>
                <TableCell>Cloud</TableCell>
                <TableCell>Account / subscription</TableCell>
                <TableCell>Regions</TableCell>
                <TableCell>Sign-in</TableCell>
                <TableCell>Recorded</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((t) => (
                <TableRow key={t.id} hover data-testid="target-row" sx={{ verticalAlign: 'top' }}>
                  <TableCell sx={{ fontWeight: 500 }}>{t.label}</TableCell>
                  <TableCell>
                    <Chip label={t.provider === 'aws' ? 'AWS' : 'Azure'} variant="outlined" />
                  </TableCell>
                  <TableCell>
                    <Typography variant="body2">{CLOUD_LABEL[t.cloud] ?? t.cloud}</Typography>
                    <Typography variant="caption" sx={{ ...mono, color: 'text.secondary' }}>
                      {t.cloud}
                    </Typography>
                  </TableCell>
                  <TableCell sx={mono}>{t.scopeId}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', maxWidth: 260 }}>
                      {t.regions.length === 0 ? (
                        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                          None listed
                        </Typography>
                      ) : (
                        t.regions.map((r) => <Chip key={r} label={r} variant="outlined" sx={mono} />)
                      )}
                    </Stack>
                  </TableCell>
                  <TableCell sx={{ maxWidth: 320, overflowWrap: 'anywhere' }}>
                    {describeSignIn(t.auth)}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(t.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </Paper>
    </>
  );
}
