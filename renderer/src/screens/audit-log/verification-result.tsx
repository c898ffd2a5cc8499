import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import type { OpOutput } from '../../../../src/api/contract';
import { formatCount, formatDateTime } from '../../components/format';
import { monospaceFont } from '../../theme/theme';

export type AuditVerification = OpOutput<'auditLog.verify'>;

/** The outcome of auditLog.verify, stated so it cannot be missed. */
export function VerificationResult({ result, checkedAt }: { result: AuditVerification; checkedAt: string }) {
  if (result.ok) {
    return (
      <Alert severity="success" variant="outlined" data-testid="audit-verification" sx={{ mb: 2.5 }}>
        <AlertTitle>Chain intact</AlertTitle>
        All {formatCount(result.rows)} entries verified: each one links to the one before it and matches its
        own hash. Head hash{' '}
        <Box
          component="code"
          title={result.headHash}
          sx={{ fontFamily: monospaceFont, fontSize: '0.8rem', overflowWrap: 'anywhere' }}
        >
          {result.headHash}
        </Box>
        . Checked {formatDateTime(checkedAt)}.
      </Alert>
    );
  }
  return (
    <Alert severity="error" variant="filled" data-testid="audit-verification" sx={{ mb: 2.5 }}>
      <AlertTitle>Chain broken at entry #{result.brokenAt}</AlertTitle>
      {result.reason.charAt(0).toUpperCase() + result.reason.slice(1)}. Entries from #{result.brokenAt} on
      cannot be trusted: the workspace file was changed outside PHI Audit Desk. {formatCount(result.rows)}{' '}
      entries checked {formatDateTime(checkedAt)}.
    </Alert>
  );
}
