import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import type { OpOutput } from '../../../../src/api/contract';
import { DefinitionList } from '../../components/definition-list';
import { formatCount, formatDateTime } from '../../components/format';
import { TableMessageRow } from '../../components/table-message-row';
import { monospaceFont } from '../../theme/theme';

export type PackageVerification = OpOutput<'package.verify'>;
type Signature = PackageVerification['manifestSignature'] & { coversWholeFile?: boolean };
type FileStatus = PackageVerification['files'][number]['status'];

const mono = { fontFamily: monospaceFont, fontSize: '0.76rem', overflowWrap: 'anywhere' } as const;

const FILE_STATUS: Record<FileStatus, { label: string; color: 'success' | 'error' | 'warning' }> = {
  ok: { label: 'OK', color: 'success' },
  changed: { label: 'Changed', color: 'error' },
  missing: { label: 'Missing', color: 'error' },
  unexpected: { label: 'Not in manifest', color: 'warning' },
};

function SignatureCard({
  title,
  what,
  signature,
  testId,
}: {
  title: string;
  what: string;
  signature: Signature;
  testId: string;
}) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid={testId} component="section" aria-label={title}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.25 }}>
        <Typography variant="subtitle1" component="h3" sx={{ flex: 1 }}>
          {title}
        </Typography>
        <Chip
          label={signature.valid ? 'Valid' : 'Not valid'}
          color={signature.valid ? 'success' : 'error'}
          data-testid={`${testId}-status`}
        />
        {signature.selfSigned ? <Chip label="Self-signed" color="warning" variant="outlined" /> : null}
      </Stack>
      <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mb: 1.5 }}>
        {what}
      </Typography>
      <DefinitionList
        labelWidth={110}
        items={[
          { label: 'Result', value: signature.reason },
          { label: 'Signer', value: signature.signer ?? '—' },
          {
            label: 'Identity',
            value: signature.signer
              ? signature.selfSigned
                ? 'Self-signed: proves integrity, not who signed.'
                : 'Certificate issued by another party.'
              : '—',
          },
          { label: 'Signed at', value: signature.signingTime ? formatDateTime(signature.signingTime) : '—' },
          {
            label: 'Fingerprint',
            value: signature.fingerprintSha256 ? (
              <Box component="code" sx={mono}>
                {signature.fingerprintSha256}
              </Box>
            ) : (
              '—'
            ),
          },
          ...(signature.coversWholeFile !== undefined
            ? [
                {
                  label: 'Coverage',
                  value: signature.coversWholeFile
                    ? 'Covers the whole file'
                    : 'Does not cover the whole file (content added after signing)',
                },
              ]
            : []),
        ]}
      />
    </Paper>
  );
}

/** package.verify's answer: every file against the manifest, and both signatures. */
export function PackageVerificationReport({
  result,
  checkedAt,
}: {
  result: PackageVerification;
  checkedAt: string;
}) {
  const [problemsOnly, setProblemsOnly] = useState(!result.ok);
  const ref = useRef<HTMLDivElement>(null);
  // Verification can be started from the export result or the table above: bring the answer into view.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const counts = new Map<FileStatus, number>();
  for (const f of result.files) counts.set(f.status, (counts.get(f.status) ?? 0) + 1);
  // Problems first, so a changed file is never below a hundred OK rows.
  const files = [...result.files]
    .filter((f) => !problemsOnly || f.status !== 'ok')
    .sort((a, b) => Number(a.status === 'ok') - Number(b.status === 'ok'));

  return (
    <Stack spacing={2} data-testid="package-verification" ref={ref}>
      <Alert
        severity={result.ok ? 'success' : 'error'}
        variant={result.ok ? 'outlined' : 'filled'}
        data-testid="verification-summary"
      >
        <AlertTitle>{result.ok ? 'Package intact' : 'Package failed verification'}</AlertTitle>
        {result.summary}
        <Box component="span" sx={{ display: 'block', mt: 0.5, opacity: 0.85 }}>
          {result.kind === 'zip' ? 'Zip' : 'Folder'}{' '}
          <Box component="code" sx={mono}>
            {result.path}
          </Box>
          , checked {formatDateTime(checkedAt)}.
        </Box>
      </Alert>
      <Box
        sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, minmax(0, 1fr))' } }}
      >
        <SignatureCard
          title="Manifest signature"
          what="Detached CMS signature (manifest.json.p7s) over manifest.json, which lists the SHA-256 of every file."
          signature={result.manifestSignature}
          testId="manifest-signature"
        />
        <SignatureCard
          title="PDF signature"
          what="PAdES signature embedded in report.pdf."
          signature={result.pdfSignature}
          testId="pdf-signature"
        />
      </Box>
      {result.manifest ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          Manifest: {result.manifest.client}, created {formatDateTime(result.manifest.createdAt)} by PHI Audit
          Desk {result.manifest.toolVersion} (ruleset {result.manifest.rulesetVersion}),{' '}
          {formatCount(result.manifest.files)} files listed.
        </Typography>
      ) : null}
      <Box>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="subtitle2" component="h3" sx={{ mr: 1 }}>
            Files
          </Typography>
          {(Object.keys(FILE_STATUS) as FileStatus[])
            .filter((s) => counts.has(s))
            .map((s) => (
              <Chip
                key={s}
                label={`${formatCount(counts.get(s) ?? 0)} ${FILE_STATUS[s].label.toLowerCase()}`}
                color={FILE_STATUS[s].color}
                variant="outlined"
                data-testid={`files-${s}`}
              />
            ))}
          <Box sx={{ flex: 1 }} />
          <FormControlLabel
            control={
              <Switch
                size="small"
                checked={problemsOnly}
                onChange={(e) => setProblemsOnly(e.target.checked)}
              />
            }
            label={<Typography variant="body2">Problems only</Typography>}
          />
        </Stack>
        <TableContainer sx={{ maxHeight: 320, border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Table stickyHeader aria-label="Package files">
            <TableHead>
              <TableRow>
                <TableCell>File</TableCell>
                <TableCell sx={{ width: 150 }}>Status</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {files.map((f) => (
                <TableRow key={f.path}>
                  <TableCell sx={mono}>{f.path}</TableCell>
                  <TableCell>
                    <Chip
                      label={FILE_STATUS[f.status].label}
                      color={FILE_STATUS[f.status].color}
                      variant={f.status === 'ok' ? 'outlined' : 'filled'}
                    />
                  </TableCell>
                </TableRow>
              ))}
              {files.length === 0 ? (
                <TableMessageRow colSpan={2} py={3}>
                  {problemsOnly
                    ? 'No problem: every file matches the manifest.'
                    : 'The package lists no files.'}
                </TableMessageRow>
              ) : null}
            </TableBody>
          </Table>
        </TableContainer>
      </Box>
    </Stack>
  );
}
