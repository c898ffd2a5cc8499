import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { OpOutput } from '../../../../src/api/contract';
import type { OperationState } from '../../api/hooks';
import { DataTable } from '../../components/data-table';
import { formatCount, formatDateTime, formatDuration } from '../../components/format';
import { SectionPanel } from '../../components/section-panel';
import { TableMessageRow } from '../../components/table-message-row';
import { monospaceFont } from '../../theme/theme';
import { findingsHref } from '../findings/findings-route';

type Run = OpOutput<'runs.list'>[number];

const STATUS_COLOR: Record<Run['status'], 'success' | 'info' | 'warning' | 'error'> = {
  completed: 'success',
  partial: 'warning',
  running: 'info',
  cancelled: 'warning',
  interrupted: 'warning',
  failed: 'error',
};

/** A run with findings to show: completed, or partial (what it did assess). */
export function hasFindings(status: Run['status']): boolean {
  return status === 'completed' || status === 'partial';
}

export function RunStatusChip({ status }: { status: Run['status'] }) {
  return (
    <Chip
      label={status}
      color={STATUS_COLOR[status]}
      variant="outlined"
      sx={{ textTransform: 'capitalize' }}
    />
  );
}

function kindLabel(run: Run): { title: string; detail: string | null } {
  if (run.kind === 'evaluate')
    return {
      title: 'Offline re-evaluation',
      detail: run.sourceRunId !== null ? `of run #${run.sourceRunId}` : null,
    };
  if (run.kind === 'simulated') return { title: 'Simulated', detail: run.scenario };
  if (run.kind === 'live') return { title: 'Live', detail: null };
  return { title: run.kind, detail: run.scenario };
}

/** runs.list: every assessment and re-evaluation of this workspace, newest first. */
export function RunHistory({ runs }: { runs: OperationState<Run[]> }) {
  const rows = runs.data ?? [];
  return (
    <SectionPanel
      title="Run history"
      description="Findings, diffs and the report use the newest completed or partial run. A partial run did not assess every target or service; a failed run assessed nothing. A cancelled or interrupted run keeps the evidence it stored."
      flush
    >
      <DataTable
        label="Assessment runs"
        loading={runs.loading}
        loadingLabel="Loading runs"
        head={
          <>
            <TableCell align="right">Run</TableCell>
            <TableCell>Kind</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Started</TableCell>
            <TableCell align="right">Duration</TableCell>
            <TableCell align="right">Evidence</TableCell>
            <TableCell align="right">Gaps</TableCell>
            <TableCell align="right">Failing</TableCell>
            <TableCell>Identities</TableCell>
            <TableCell />
          </>
        }
      >
        {rows.map((run) => {
          const kind = kindLabel(run);
          // An evaluate run collects nothing: its row has no evidence or gap counts of its own.
          const evidence = run.stats.evidence ?? null;
          const gaps = run.stats.gaps ?? null;
          return (
            <TableRow key={run.id} hover data-testid="run-row">
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', width: 56 }}>
                #{run.id}
              </TableCell>
              <TableCell sx={{ minWidth: 150 }}>
                <Typography variant="body2">{kind.title}</Typography>
                {kind.detail ? (
                  <Typography variant="caption" component="p" sx={{ color: 'text.secondary' }}>
                    {kind.detail}
                  </Typography>
                ) : null}
              </TableCell>
              <TableCell>
                <RunStatusChip status={run.status} />
                {run.error && run.status !== 'cancelled' ? (
                  <Typography
                    variant="caption"
                    component="p"
                    data-testid="run-outcome-detail"
                    sx={{
                      color: run.status === 'partial' ? 'warning.main' : 'error.main',
                      maxWidth: 320,
                      mt: 0.5,
                    }}
                  >
                    {run.error}
                  </Typography>
                ) : null}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }} title={run.startedAt}>
                {formatDateTime(run.startedAt)}
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {run.finishedAt ? formatDuration(run.startedAt, run.finishedAt) : '—'}
              </TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {evidence === null ? '—' : formatCount(evidence)}
              </TableCell>
              <TableCell
                align="right"
                sx={{
                  fontVariantNumeric: 'tabular-nums',
                  color: (gaps ?? 0) > 0 ? 'warning.main' : undefined,
                }}
              >
                {gaps === null ? '—' : formatCount(gaps)}
              </TableCell>
              <TableCell
                align="right"
                data-testid="run-failing"
                sx={{
                  fontVariantNumeric: 'tabular-nums',
                  fontWeight: run.failing > 0 ? 600 : undefined,
                  color: run.failing > 0 ? 'error.main' : undefined,
                }}
              >
                {hasFindings(run.status) ? formatCount(run.failing) : '—'}
              </TableCell>
              <TableCell sx={{ maxWidth: 320 }}>
                {run.identities.length === 0 ? (
                  <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                    {run.kind === 'evaluate' ? 'None (offline)' : 'None recorded'}
                  </Typography>
                ) : (
                  run.identities.map((id) => (
                    <Typography
                      key={id}
                      variant="caption"
                      component="p"
                      noWrap
                      title={id}
                      sx={{ fontFamily: monospaceFont, fontSize: '0.72rem', color: 'text.secondary' }}
                    >
                      {id}
                    </Typography>
                  ))
                )}
              </TableCell>
              <TableCell align="right" sx={{ pr: 1.5 }}>
                {hasFindings(run.status) ? (
                  <Button size="small" href={findingsHref(run.id)} aria-label={`Findings of run ${run.id}`}>
                    Findings
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
        {!runs.loading && rows.length === 0 ? (
          <TableMessageRow colSpan={10}>
            {runs.error ? 'The runs could not be read.' : 'No assessment has run in this workspace yet.'}
          </TableMessageRow>
        ) : null}
      </DataTable>
    </SectionPanel>
  );
}
