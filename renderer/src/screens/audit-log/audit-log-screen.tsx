import GppGoodOutlined from '@mui/icons-material/GppGoodOutlined';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import TableCell from '@mui/material/TableCell';
import { useState } from 'react';
import { useAction, useOperation } from '../../api/hooks';
import { DataTable } from '../../components/data-table';
import { ScreenHeader } from '../../components/screen-header';
import { TableMessageRow } from '../../components/table-message-row';
import { TablePager, usePaging } from '../../components/table-pager';
import { AuditEntryRow } from './audit-entry-row';
import { VerificationResult, type AuditVerification } from './verification-result';

export function AuditLogScreen() {
  const paging = usePaging();
  const list = useOperation('auditLog.list', { limit: paging.pageSize, offset: paging.offset });
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
        <DataTable
          label="Audit log entries"
          loading={list.loading}
          loadingLabel="Loading audit log"
          head={
            <>
              <TableCell padding="checkbox" />
              <TableCell align="right">Seq</TableCell>
              <TableCell>Time</TableCell>
              <TableCell>Actor</TableCell>
              <TableCell>Action</TableCell>
              <TableCell>Subject</TableCell>
            </>
          }
        >
          {entries.map((entry) => (
            <AuditEntryRow key={entry.seq} entry={entry} />
          ))}
          {!list.loading && entries.length === 0 ? (
            <TableMessageRow colSpan={6}>
              {list.error ? 'The audit log could not be read.' : 'No entries on this page.'}
            </TableMessageRow>
          ) : null}
        </DataTable>
        <TablePager paging={paging} total={total} />
      </Paper>
    </>
  );
}
