import KeyboardArrowDown from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowRight from '@mui/icons-material/KeyboardArrowRight';
import Box from '@mui/material/Box';
import Collapse from '@mui/material/Collapse';
import IconButton from '@mui/material/IconButton';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { useState } from 'react';
import type { OpOutput } from '../../../../src/api/contract';
import { DefinitionList } from '../../components/definition-list';
import { formatDateTime } from '../../components/format';
import { monospaceFont } from '../../theme/theme';

export type AuditEntry = OpOutput<'auditLog.list'>['entries'][number];

const COLUMNS = 6;

/** A chain hash in the expanded entry: monospace, muted (it is there to compare, not to read). */
function Hash({ value }: { value: string }) {
  return (
    <Box component="span" sx={{ fontFamily: monospaceFont, fontSize: '0.8rem', color: 'text.secondary' }}>
      {value}
    </Box>
  );
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 2 &&
    'from' in value &&
    'to' in value
  );
}

function plain(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return value.length === 0 ? '(none)' : value.join(', ');
  const compact = JSON.stringify(value);
  return compact.length <= 100 ? compact : JSON.stringify(value, null, 2);
}

/** Settings changes are recorded as {from, to}; show them as a change, anything else as data. */
function detailValue(value: unknown): string {
  return isChange(value) ? `${plain(value.from)}  →  ${plain(value.to)}` : plain(value);
}

export function AuditEntryRow({ entry }: { entry: AuditEntry }) {
  const [open, setOpen] = useState(false);
  const detailId = `audit-entry-${entry.seq}-details`;
  const details = Object.entries(entry.details);

  return (
    <>
      <TableRow
        hover
        sx={{ '& > td': { borderBottom: open ? 'none' : undefined } }}
        data-testid="audit-entry"
      >
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            aria-label={open ? `Hide details of entry ${entry.seq}` : `Show details of entry ${entry.seq}`}
            aria-expanded={open}
            aria-controls={detailId}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? <KeyboardArrowDown fontSize="small" /> : <KeyboardArrowRight fontSize="small" />}
          </IconButton>
        </TableCell>
        <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', width: 64 }}>
          {entry.seq}
        </TableCell>
        <TableCell sx={{ whiteSpace: 'nowrap' }} title={entry.at}>
          {formatDateTime(entry.at)}
        </TableCell>
        <TableCell>{entry.actor}</TableCell>
        <TableCell sx={{ fontFamily: monospaceFont, fontSize: '0.8rem', whiteSpace: 'nowrap' }}>
          {entry.action}
        </TableCell>
        <TableCell
          sx={{ maxWidth: 360, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
          title={entry.subject}
        >
          {entry.subject}
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={COLUMNS} sx={{ py: 0, ...(open ? {} : { borderBottom: 'none' }) }}>
          <Collapse in={open} unmountOnExit>
            <Box id={detailId} sx={{ py: 1.5, pl: 7, pr: 2 }}>
              <DefinitionList
                labelWidth={160}
                items={[
                  ...(details.length === 0
                    ? [{ label: 'Details', value: 'None' }]
                    : details.map(([key, value]) => ({
                        label: key,
                        value: (
                          <Box
                            component="span"
                            sx={{ fontFamily: monospaceFont, fontSize: '0.8rem', whiteSpace: 'pre-wrap' }}
                          >
                            {detailValue(value)}
                          </Box>
                        ),
                      }))),
                  { label: 'Previous hash', value: <Hash value={entry.prevHash} /> },
                  { label: 'Entry hash', value: <Hash value={entry.hash} /> },
                ]}
              />
            </Box>
          </Collapse>
        </TableCell>
      </TableRow>
    </>
  );
}
