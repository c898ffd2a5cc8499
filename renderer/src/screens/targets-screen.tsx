import CloudOutlined from '@mui/icons-material/CloudOutlined';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useOperation } from '../api/hooks';
import { DataTable } from '../components/data-table';
import { EmptyScreen } from '../components/empty-screen';
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
  AzureChinaCloud: 'Azure China',
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
      <EmptyScreen
        header={header}
        icon={<CloudOutlined />}
        title="No targets in this workspace yet"
        goTo={{ href: hrefFor('assessments'), label: 'Go to Assessments' }}
      >
        <p>
          Targets are recorded when an assessment runs: the simulated demo organisation, a scenario file, or
          the live accounts you add on the Assessments screen.
        </p>
      </EmptyScreen>
    );
  }
  return (
    <>
      {header}
      <Paper variant="outlined">
        <DataTable
          label="Targets"
          loading={targets.loading}
          loadingLabel="Loading targets"
          head={
            <>
              <TableCell>Label</TableCell>
              <TableCell>Provider</TableCell>
              <TableCell>Cloud</TableCell>
              <TableCell>Account / subscription</TableCell>
              <TableCell>Regions</TableCell>
              <TableCell>Sign-in</TableCell>
              <TableCell>Recorded</TableCell>
            </>
          }
        >
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
              <TableCell sx={{ maxWidth: 320, overflowWrap: 'anywhere' }}>{describeSignIn(t.auth)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(t.createdAt)}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      </Paper>
    </>
  );
}
