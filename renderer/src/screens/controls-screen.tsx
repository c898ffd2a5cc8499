import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useOperation } from '../api/hooks';
import { DataTable } from '../components/data-table';
import { formatCount } from '../components/format';
import { ScreenHeader } from '../components/screen-header';
import { TableMessageRow } from '../components/table-message-row';
import { monospaceFont } from '../theme/theme';
import { useOpenWorkspace } from '../workspace/requires-workspace';
import {
  controlStatus,
  safeguardLabels,
  safeguardSections,
  type ControlRow,
  type ControlState,
} from './controls/control-status';

type Safeguard = ControlRow['safeguard'];
type Show = 'all' | 'failing' | 'no_evidence';

const SAFEGUARDS = Object.keys(safeguardLabels) as Safeguard[];
const ATTESTATION_LABELS = [
  ['implemented', 'Implemented', 'success'],
  ['partially_implemented', 'Partial', 'warning'],
  ['not_implemented', 'Not implemented', 'error'],
  ['not_applicable', 'N/A', 'default'],
] as const;

const mono = { fontFamily: monospaceFont, fontSize: '0.76rem' } as const;

function matches(show: Show, state: ControlState): boolean {
  if (show === 'failing') return state === 'failing' || state === 'attested_gap';
  if (show === 'no_evidence') return state === 'no_evidence';
  return true;
}

export function ControlsScreen() {
  const { lastRun, counts } = useOpenWorkspace();
  const matrix = useOperation('controls.matrix', {});
  const [safeguard, setSafeguard] = useState<Safeguard | 'all'>('all');
  const [show, setShow] = useState<Show>('all');

  const rows = (matrix.data?.rows ?? []).map((row) => ({ row, status: controlStatus(row) }));
  const visible = rows.filter(
    ({ row, status }) => (safeguard === 'all' || row.safeguard === safeguard) && matches(show, status.state),
  );
  const tally = (state: ControlState | ControlState[]) =>
    rows.filter(({ status }) => ([] as ControlState[]).concat(state).includes(status.state)).length;

  return (
    <>
      <ScreenHeader
        title="Controls"
        description="The HIPAA Security Rule control matrix (45 CFR 164.308–164.316): every standard and implementation specification, with the automated checks of the newest run that cite it and the consultant’s attestations. The audit package’s matrix is built the same way."
      />
      <Stack spacing={2.5}>
        {lastRun === null ? (
          <Alert severity="info" variant="outlined">
            No assessment has run in this workspace yet, so no row has automated evidence. Run one from the
            Assessments screen; the administrative and physical safeguards mostly need attestations, which no
            cloud API can show.
          </Alert>
        ) : null}
        {matrix.data ? (
          <Box
            sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(4, minmax(0, 1fr))' }}
            data-testid="control-tally"
          >
            {[
              { label: 'Gaps found', value: tally(['failing', 'attested_gap']), color: 'error.main' },
              {
                label: 'Passing or implemented',
                value: tally(['passing', 'attested']),
                color: 'success.main',
              },
              { label: 'Not applicable (attested)', value: tally('not_applicable'), color: 'text.primary' },
              { label: 'No evidence yet', value: tally('no_evidence'), color: 'text.secondary' },
            ].map((t) => (
              <Paper key={t.label} variant="outlined" sx={{ px: 2, py: 1.25 }}>
                <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                  {t.label}
                </Typography>
                <Typography
                  variant="h5"
                  component="p"
                  sx={{ color: t.value > 0 ? t.color : 'text.secondary', fontVariantNumeric: 'tabular-nums' }}
                >
                  {formatCount(t.value)}
                  <Typography component="span" variant="body2" sx={{ color: 'text.secondary', ml: 0.75 }}>
                    of {rows.length}
                  </Typography>
                </Typography>
              </Paper>
            ))}
          </Box>
        ) : null}
        <Paper variant="outlined">
          <Stack
            direction="row"
            spacing={2}
            sx={{ px: 2, pt: 1, alignItems: 'center', borderBottom: 1, borderColor: 'divider' }}
          >
            <Tabs
              value={safeguard}
              onChange={(_e, v: Safeguard | 'all') => setSafeguard(v)}
              aria-label="Safeguards"
              sx={{ flex: 1, minHeight: 40 }}
            >
              <Tab value="all" label="All" sx={{ minHeight: 40 }} />
              {SAFEGUARDS.map((s) => (
                <Tab
                  key={s}
                  value={s}
                  label={safeguardLabels[s]}
                  title={`45 CFR ${safeguardSections[s]}`}
                  sx={{ minHeight: 40 }}
                />
              ))}
            </Tabs>
            <TextField
              id="controls-show"
              select
              label="Show"
              value={show}
              onChange={(e) => setShow(e.target.value as Show)}
              sx={{ width: 200, flexShrink: 0, pb: 1 }}
            >
              <MenuItem value="all">All rows</MenuItem>
              <MenuItem value="failing">Gaps found</MenuItem>
              <MenuItem value="no_evidence">No evidence yet</MenuItem>
            </TextField>
          </Stack>
          <DataTable
            label="Security Rule control matrix"
            loading={matrix.loading}
            loadingLabel="Loading the control matrix"
            head={
              <>
                <TableCell>Citation</TableCell>
                <TableCell>Standard / implementation specification</TableCell>
                <TableCell
                  align="center"
                  title="Required or addressable (164.306(d)); standards are always mandatory"
                >
                  R/A
                </TableCell>
                <TableCell>Status</TableCell>
                <TableCell align="right">Checks failing</TableCell>
                <TableCell align="right">Checks passing</TableCell>
                <TableCell>Attestations</TableCell>
              </>
            }
          >
            {visible.map(({ row, status }) => {
              const standard = row.rowType === 'standard';
              return (
                <TableRow
                  key={row.citation}
                  hover
                  data-testid="control-row"
                  sx={standard ? { bgcolor: 'action.hover' } : undefined}
                >
                  <TableCell sx={{ ...mono, whiteSpace: 'nowrap', fontWeight: standard ? 600 : undefined }}>
                    {row.citation}
                  </TableCell>
                  <TableCell sx={{ pl: standard ? 2 : 4 }}>
                    <Typography variant="body2" sx={{ fontWeight: standard ? 600 : undefined }}>
                      {standard ? row.standard : row.implementationSpecification}
                    </Typography>
                    {row.note ? (
                      <Typography variant="caption" component="p" sx={{ color: 'text.secondary' }}>
                        {row.note}
                      </Typography>
                    ) : null}
                  </TableCell>
                  <TableCell align="center">
                    {row.requirement === 'required' ? 'R' : row.requirement === 'addressable' ? 'A' : '—'}
                  </TableCell>
                  <TableCell>
                    <Chip
                      label={status.label}
                      color={status.color}
                      variant={status.filled ? 'filled' : 'outlined'}
                    />
                  </TableCell>
                  <TableCell
                    align="right"
                    sx={{
                      fontVariantNumeric: 'tabular-nums',
                      color: row.failing > 0 ? 'error.main' : 'text.secondary',
                      fontWeight: row.failing > 0 ? 600 : undefined,
                    }}
                  >
                    {row.failing || '—'}
                  </TableCell>
                  <TableCell
                    align="right"
                    sx={{
                      fontVariantNumeric: 'tabular-nums',
                      color: row.passing > 0 ? undefined : 'text.secondary',
                    }}
                  >
                    {row.passing || '—'}
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                      {ATTESTATION_LABELS.filter(([key]) => row.attestations[key] > 0).map(
                        ([key, label, color]) => (
                          <Chip
                            key={key}
                            label={`${label}${row.attestations[key] > 1 ? ` ×${row.attestations[key]}` : ''}`}
                            color={color}
                            variant="outlined"
                          />
                        ),
                      )}
                    </Stack>
                  </TableCell>
                </TableRow>
              );
            })}
            {matrix.data && visible.length === 0 ? (
              <TableMessageRow colSpan={7}>No row matches.</TableMessageRow>
            ) : null}
          </DataTable>
        </Paper>
        {matrix.data ? (
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {matrix.data.runId !== null ? `Automated checks from run #${matrix.data.runId}. ` : ''}
            {formatCount(counts.attestations)} attestation{counts.attestations === 1 ? '' : 's'} in this
            workspace. Catalog: {matrix.data.source.regulation}; {matrix.data.source.textVersion}, compiled{' '}
            {matrix.data.source.compiledOn}.
          </Typography>
        ) : null}
      </Stack>
    </>
  );
}
