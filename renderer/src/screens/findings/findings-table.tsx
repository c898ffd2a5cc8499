import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { SeverityChip } from '../../components/severity-chip';
import { TableMessageRow } from '../../components/table-message-row';
import { monospaceFont } from '../../theme/theme';
import { ChangeBadge, PhiBadge, ResultBadge, triageStatusLabel, type Finding } from './finding-badges';

interface FindingsTableProps {
  items: Finding[];
  selectedId: number | null;
  onOpen(id: number): void;
  showResult: boolean;
  /** Shown in the body when there are no rows. */
  empty: ReactNode;
}

const mono = { fontFamily: monospaceFont, fontSize: '0.76rem' } as const;

export function FindingsTable({ items, selectedId, onOpen, showResult, empty }: FindingsTableProps) {
  const columns = showResult ? 10 : 9;
  return (
    <TableContainer>
      <Table aria-label="Findings">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 92 }}>Severity</TableCell>
            {showResult ? <TableCell sx={{ width: 90 }}>Result</TableCell> : null}
            <TableCell>Rule</TableCell>
            <TableCell>Resource</TableCell>
            <TableCell>Account</TableCell>
            <TableCell>Region</TableCell>
            <TableCell>PHI</TableCell>
            <TableCell>Change</TableCell>
            <TableCell>Triage</TableCell>
            <TableCell>Citations</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((f) => (
            <TableRow
              key={f.id}
              hover
              selected={f.id === selectedId}
              onClick={() => onOpen(f.id)}
              sx={{ cursor: 'pointer', verticalAlign: 'top' }}
              data-testid="finding-row"
            >
              <TableCell>
                <SeverityChip severity={f.severity} />
              </TableCell>
              {showResult ? (
                <TableCell>
                  <ResultBadge status={f.status} />
                </TableCell>
              ) : null}
              <TableCell sx={{ minWidth: 220, maxWidth: 330 }}>
                <Link
                  component="button"
                  type="button"
                  variant="body2"
                  underline="hover"
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(f.id);
                  }}
                  sx={{ textAlign: 'left', fontWeight: 500, color: 'text.primary' }}
                >
                  {f.ruleTitle}
                </Link>
                <Typography variant="caption" component="p" sx={{ ...mono, color: 'text.secondary' }}>
                  {f.ruleId}
                </Typography>
              </TableCell>
              <TableCell sx={{ maxWidth: 230 }}>
                <Typography variant="body2" noWrap title={f.nativeId}>
                  {f.resourceName}
                </Typography>
                {f.resourceType ? (
                  <Typography variant="caption" component="p" sx={{ ...mono, color: 'text.secondary' }}>
                    {f.resourceType}
                  </Typography>
                ) : null}
              </TableCell>
              <TableCell
                sx={{
                  ...mono,
                  whiteSpace: 'nowrap',
                  maxWidth: 130,
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                }}
                title={f.scopeId ?? undefined}
              >
                {f.scopeId ?? '—'}
              </TableCell>
              <TableCell sx={{ ...mono, whiteSpace: 'nowrap' }}>{f.region ?? '—'}</TableCell>
              <TableCell>{f.phi ? <PhiBadge /> : null}</TableCell>
              <TableCell>
                <ChangeBadge change={f.change} />
              </TableCell>
              <TableCell sx={{ maxWidth: 150 }} data-testid="finding-triage-cell">
                {f.triageStatus ? (
                  <>
                    <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
                      {triageStatusLabel(f.triageStatus)}
                    </Typography>
                    {f.triageOwner ? (
                      <Typography
                        variant="caption"
                        component="p"
                        noWrap
                        title={f.triageOwner}
                        sx={{ color: 'text.secondary' }}
                      >
                        {f.triageOwner}
                      </Typography>
                    ) : null}
                  </>
                ) : (
                  <Typography variant="caption" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
                    Not triaged
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                <Stack spacing={0.25}>
                  {f.citations.map((c) => (
                    <Box key={c} component="span" sx={{ ...mono, fontSize: '0.72rem', whiteSpace: 'nowrap' }}>
                      {c}
                    </Box>
                  ))}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
          {items.length === 0 ? <TableMessageRow colSpan={columns}>{empty}</TableMessageRow> : null}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
