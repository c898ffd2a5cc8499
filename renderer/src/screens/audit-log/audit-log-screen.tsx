import GppGoodOutlined from '@mui/icons-material/GppGoodOutlined';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Box from '@mui/material/Box';
import { useState } from 'react';
import { useAction, useOperation } from '../../api/hooks';
import { ScreenHeader } from '../../components/screen-header';
import { AuditEntryRow } from './audit-entry-row';
import { VerificationResult, type AuditVerification } from './verification-result';

const PAGE_SIZES = [25, 50, 100, 200];

export function AuditLogScreen() {
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(50);
  const list = useOperation('auditLog.list', { limit: pageSize, offset: page * pageSize });
  const verify = useAction('auditLog.verify', { invalidates: false });
  const [verification, setVerification] = useState<{ result: AuditVerification; checkedAt: string } | null>(
    null,
  );

  const runVerify = async () => {
    const result = await verify.run({});
    if (result.ok) setVerification({ result: result.value, checkedAt: new Date().toISOString() });
  };

  const total = list.data?.total ?? 0;
  const entries = list.data?.entries ?? [];
  return (
    <>
      <ScreenHeader
        title="Audit log"
        description="Every change to this workspace, newest first. Each entry's hash covers the entry before it, so an entry edited, deleted or reordered outside the app breaks the chain (45 CFR 164.312(b), audit controls)."
        actions={
          <Button
            variant="contained"
            startIcon={verify.pending ? <CircularProgress size={16} color="inherit" /> : <GppGoodOutlined />}
            onClick={() => void runVerify()}
            disabled={verify.pending}
          >
            Verify chain
          </Button>
        }
      />
      {verification ? (
        <VerificationResult result={verification.result} checkedAt={verification.checkedAt} />
      ) : null}
      <Paper variant="outlined">
        <Box sx={{ height: 4 }}>
          {list.loading ? <LinearProgress aria-label="Loading audit log" /> : null}
        </Box>
        <TableContainer>
          <Table aria-label="Audit log entries">
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox" />
                <TableCell align="right">Seq</TableCell>
                <TableCell>Time</TableCell>
                <TableCell>Actor</TableCell>
                <TableCell>Action</TableCell>
                <TableCell>Subject</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {entries.map((entry) => (
                <AuditEntryRow key={entry.seq} entry={entry} />
              ))}
              {!list.loading && entries.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={6} sx={{ py: 4, textAlign: 'center', color: 'text.secondary' }}>
                    {list.error ? 'The audit log could not be read.' : 'No entries on this page.'}
                  </TableCell>
                </TableRow>
              ) : null}
            </TableBody>
          </Table>
        </TableContainer>
        <TablePagination
          component="div"
          count={total}
          page={total === 0 ? 0 : Math.min(page, Math.ceil(total / pageSize) - 1)}
          rowsPerPage={pageSize}
          rowsPerPageOptions={PAGE_SIZES}
          onPageChange={(_e, p) => setPage(p)}
          onRowsPerPageChange={(e) => {
            setPageSize(Number(e.target.value));
            setPage(0);
          }}
        />
      </Paper>
    </>
  );
}
