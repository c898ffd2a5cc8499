import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { useOperation } from '../../api/hooks';
import { DataTable } from '../../components/data-table';
import { formatCount } from '../../components/format';
import { SectionPanel } from '../../components/section-panel';
import { TableMessageRow } from '../../components/table-message-row';
import { monospaceFont } from '../../theme/theme';

const REASONS: Record<string, { label: string; color: 'error' | 'warning' | 'default' }> = {
  access_denied: { label: 'Access denied', color: 'error' },
  throttled: { label: 'Throttled', color: 'warning' },
  region_disabled: { label: 'Region disabled', color: 'default' },
  timeout: { label: 'Timed out', color: 'warning' },
  not_found: { label: 'Not found', color: 'default' },
  cancelled: { label: 'Cancelled', color: 'default' },
  error: { label: 'Error', color: 'error' },
};

const mono = { fontFamily: monospaceFont, fontSize: '0.76rem' } as const;

interface CoverageGapsProps {
  /** The run whose gaps to list; null: the newest. */
  runId: number | null;
  onOpenEvidence(id: number): void;
}

/**
 * What the run could not assess, where and why. The report states these plainly: a control that
 * could not be read is not a passing control.
 */
export function CoverageGaps({ runId, onOpenEvidence }: CoverageGapsProps) {
  const gaps = useOperation('gaps.list', runId === null ? {} : { runId });
  const items = gaps.data?.items ?? [];
  return (
    <SectionPanel
      title={`Not assessed: coverage gaps${gaps.data ? ` (${formatCount(items.length)})` : ''}`}
      description="Calls the run could not make, so what they cover was not assessed. Grant the access kit’s permissions or re-run after throttling clears; findings above cannot speak for these."
      testId="coverage-gaps"
      flush
    >
      <DataTable
        label="Coverage gaps"
        loading={gaps.loading}
        loadingLabel="Loading coverage gaps"
        head={
          <>
            <TableCell>Reason</TableCell>
            <TableCell>Account / subscription</TableCell>
            <TableCell>Service</TableCell>
            <TableCell>Operation</TableCell>
            <TableCell>Region</TableCell>
            <TableCell>Message</TableCell>
            <TableCell>Evidence</TableCell>
          </>
        }
      >
        {items.map((g) => {
          const reason = REASONS[g.reason] ?? { label: g.reason, color: 'default' as const };
          return (
            <TableRow key={g.id} hover data-testid="gap-row" sx={{ verticalAlign: 'top' }}>
              <TableCell>
                <Chip label={reason.label} color={reason.color} variant="outlined" />
              </TableCell>
              <TableCell sx={{ ...mono, whiteSpace: 'nowrap' }}>
                {g.provider} {g.scopeId}
              </TableCell>
              <TableCell sx={mono}>{g.service}</TableCell>
              <TableCell sx={mono}>{g.operation}</TableCell>
              <TableCell sx={{ ...mono, whiteSpace: 'nowrap' }}>{g.region}</TableCell>
              <TableCell sx={{ maxWidth: 460, overflowWrap: 'anywhere' }}>{g.message}</TableCell>
              <TableCell>
                {g.evidenceId !== null ? (
                  <Link
                    component="button"
                    type="button"
                    variant="body2"
                    onClick={() => onOpenEvidence(g.evidenceId!)}
                    aria-label={`Evidence ${g.evidenceId} of gap ${g.id}`}
                  >
                    #{g.evidenceId}
                  </Link>
                ) : (
                  '—'
                )}
              </TableCell>
            </TableRow>
          );
        })}
        {!gaps.loading && items.length === 0 ? (
          <TableMessageRow colSpan={7} py={3}>
            {gaps.error
              ? 'The coverage gaps could not be read.'
              : 'None: every call planned for the assessed services was answered (see the scope above).'}
          </TableMessageRow>
        ) : null}
      </DataTable>
    </SectionPanel>
  );
}
