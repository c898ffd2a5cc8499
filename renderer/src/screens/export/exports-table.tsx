import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useOperation } from '../../api/hooks';
import { DataTable } from '../../components/data-table';
import { formatCount, formatDateTime, shortHash } from '../../components/format';
import { SectionPanel } from '../../components/section-panel';
import { TableMessageRow } from '../../components/table-message-row';
import { monospaceFont } from '../../theme/theme';
import { commonNameOf } from './common-name';

const mono = { fontFamily: monospaceFont, fontSize: '0.76rem' } as const;

/** export.list: every package exported from this workspace (also recorded in the audit log). */
export function ExportsTable({ onVerify }: { onVerify(path: string): void }) {
  const exports = useOperation('export.list', {});
  const rows = exports.data ?? [];
  return (
    <SectionPanel
      title="Exported packages"
      description="Newest first. Each export is also an entry in the audit log."
      flush
    >
      <DataTable
        label="Exported packages"
        loading={exports.loading}
        loadingLabel="Loading exports"
        head={
          <>
            <TableCell align="right">#</TableCell>
            <TableCell>Exported</TableCell>
            <TableCell>Package folder</TableCell>
            <TableCell align="right">Files</TableCell>
            <TableCell>Signed by</TableCell>
            <TableCell>Runs</TableCell>
            <TableCell>Manifest SHA-256</TableCell>
            <TableCell />
          </>
        }
      >
        {rows.map((x) => (
          <TableRow key={x.id} hover data-testid="export-row">
            <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', width: 48 }}>
              {x.id}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(x.createdAt)}</TableCell>
            <TableCell sx={{ ...mono, maxWidth: 420, overflowWrap: 'anywhere' }}>{x.path}</TableCell>
            <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatCount(x.files)}
            </TableCell>
            <TableCell>
              <Typography variant="body2" title={x.signerSubject}>
                {commonNameOf(x.signerSubject)}
              </Typography>
              {x.selfSigned ? (
                <Chip label="Self-signed" color="warning" variant="outlined" sx={{ mt: 0.25 }} />
              ) : null}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {x.runIds.map((id) => `#${id}`).join(', ') || '—'}
            </TableCell>
            <TableCell sx={mono} title={x.manifestSha256}>
              {shortHash(x.manifestSha256)}
            </TableCell>
            <TableCell align="right" sx={{ pr: 1.5 }}>
              <Button size="small" onClick={() => onVerify(x.path)} aria-label={`Verify package ${x.id}`}>
                Verify
              </Button>
            </TableCell>
          </TableRow>
        ))}
        {!exports.loading && rows.length === 0 ? (
          <TableMessageRow colSpan={8}>
            {exports.error
              ? 'The exports could not be read.'
              : 'No package has been exported from this workspace yet.'}
          </TableMessageRow>
        ) : null}
      </DataTable>
    </SectionPanel>
  );
}
