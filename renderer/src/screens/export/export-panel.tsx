import Inventory2Outlined from '@mui/icons-material/Inventory2Outlined';
import StopCircleOutlined from '@mui/icons-material/StopCircleOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useAction, useDesk } from '../../api/hooks';
import { useJob } from '../../api/use-job';
import { DefinitionList } from '../../components/definition-list';
import { DescribedRadio } from '../../components/described-radio';
import { formatCount } from '../../components/format';
import { JobProgressBar, outcomeSeverity } from '../../components/job-progress-bar';
import { PathField } from '../../components/path-field';
import { SectionPanel } from '../../components/section-panel';
import { monospaceFont } from '../../theme/theme';
import { useOpenWorkspace } from '../../workspace/requires-workspace';
import { commonNameOf } from './common-name';

type SignerKind = 'self-signed' | 'p12';

const mono = { fontFamily: monospaceFont, fontSize: '0.8rem', overflowWrap: 'anywhere' } as const;

/** The folder a path is in, for the default destination (the server resolves it the same way). */
function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : path;
}

const SignerOption = DescribedRadio<SignerKind>;

/** export.start: the signer, the destination, then the job's progress and outcome. */
export function ExportPanel({ onVerify }: { onVerify(path: string): void }) {
  const desk = useDesk();
  const { path: workspacePath, lastRun } = useOpenWorkspace();
  const [signer, setSigner] = useState<SignerKind>('self-signed');
  const [p12Path, setP12Path] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [outDir, setOutDir] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  // A wrong passphrase or an unreadable certificate comes back from this call: shown in this panel.
  const start = useAction('export.start', { handlesError: () => true, invalidates: false });
  const tracker = useJob('export');
  const { job } = tracker;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setLocalError(null);
    if (signer === 'p12' && !p12Path.trim())
      return setLocalError('Enter the path of your certificate (.p12 or .pfx).');
    const result = await start.run({
      ...(outDir.trim() ? { outDir: outDir.trim() } : {}),
      signer:
        signer === 'p12' ? { kind: 'p12', p12Path: p12Path.trim(), passphrase } : { kind: 'self-signed' },
    });
    if (result.ok) {
      // The passphrase served its one purpose: it is not kept in the window.
      setPassphrase('');
      tracker.track(result.value.jobId);
    }
  };

  const browseCertificate = async () => {
    const chosen = await desk.dialogs?.openCertificate();
    if (chosen) setP12Path(chosen);
  };
  const browseFolder = async () => {
    const chosen = await desk.dialogs?.chooseFolder('Export the audit package to');
    if (chosen) setOutDir(chosen);
  };

  const p = job?.progress ?? null;
  const finished = job?.finished ?? null;
  const exported = finished?.outcome === 'completed' ? (finished.result ?? null) : null;
  const startError = localError ?? (start.error ? start.error.message : null);
  const percent = p && p.total > 0 ? (p.done / p.total) * 100 : null;

  return (
    <SectionPanel
      title="Export audit package"
      description="The report as PDF (with an embedded signature) and DOCX, the raw evidence, the PHI-flow diagrams and manifest.json with the SHA-256 of every file under a detached signature: a folder and the same as a .zip."
    >
      <form noValidate aria-label="Export audit package" onSubmit={(e) => void submit(e)}>
        <Stack spacing={2} sx={{ maxWidth: 920 }}>
          {lastRun === null ? (
            <Alert severity="info" variant="outlined">
              No assessment has run in this workspace yet: the package would hold only the engagement,
              attestations and PHI flows, and say so in each empty section.
            </Alert>
          ) : null}
          <RadioGroup
            aria-label="Signer"
            value={signer}
            onChange={(e) => setSigner(e.target.value as SignerKind)}
            sx={{ gap: 1.5 }}
          >
            <SignerOption value="self-signed" title="Self-signed engagement certificate">
              Made by the app for this engagement: no certificate of your own is needed.
            </SignerOption>
            {signer === 'self-signed' ? (
              <Alert severity="warning" variant="outlined" sx={{ ml: 4 }} data-testid="self-signed-note">
                A self-signed signature proves the package has not changed since it was signed (integrity). It
                does not prove who signed it: anyone can make a certificate with any name. The package and the
                verifier say it is self-signed. To prove identity, sign with a certificate issued to you.
              </Alert>
            ) : null}
            <SignerOption value="p12" title="My certificate (P12 / PFX file)">
              A certificate issued to you by your firm’s or a commercial certificate authority: the signature
              names you.
            </SignerOption>
            {signer === 'p12' ? (
              <Box
                sx={{
                  ml: 4,
                  display: 'grid',
                  gap: 2,
                  gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
                  alignItems: 'start',
                }}
              >
                <PathField
                  id="export-p12-path"
                  label="Certificate file"
                  placeholder="/home/you/certs/dana-whitfield.p12"
                  value={p12Path}
                  onChange={(e) => {
                    setP12Path(e.target.value);
                    start.reset();
                  }}
                  slotProps={{ htmlInput: { spellCheck: false } }}
                  helperText="A .p12 or .pfx holding your signing key and certificate."
                  onBrowse={() => void browseCertificate()}
                />
                <TextField
                  id="export-passphrase"
                  label="Passphrase"
                  type="password"
                  autoComplete="off"
                  value={passphrase}
                  onChange={(e) => {
                    setPassphrase(e.target.value);
                    start.reset();
                  }}
                  helperText="Used for this export only; never stored or logged."
                />
              </Box>
            ) : null}
          </RadioGroup>
          <PathField
            id="export-out-dir"
            label="Output folder"
            placeholder={folderOf(workspacePath)}
            value={outDir}
            onChange={(e) => {
              setOutDir(e.target.value);
              start.reset();
            }}
            slotProps={{ htmlInput: { spellCheck: false } }}
            helperText={`Optional. Default: the workspace’s folder, ${folderOf(workspacePath)}`}
            onBrowse={() => void browseFolder()}
          />
          {startError ? (
            <Alert severity="error" data-testid="export-error">
              <AlertTitle>
                {start.error?.code === 'SIGNING' ? 'Signing failed' : 'Export not started'}
              </AlertTitle>
              {startError}
            </Alert>
          ) : null}
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
            <Button
              type="submit"
              variant="contained"
              disabled={start.pending || tracker.running}
              startIcon={
                start.pending ? <CircularProgress size={16} color="inherit" /> : <Inventory2Outlined />
              }
            >
              Export package
            </Button>
            {tracker.running ? (
              <Button
                color="error"
                startIcon={<StopCircleOutlined />}
                onClick={() => void tracker.cancel()}
                disabled={job?.cancelRequested}
              >
                {job?.cancelRequested ? 'Cancelling…' : 'Cancel export'}
              </Button>
            ) : null}
          </Stack>
        </Stack>
      </form>

      {job ? (
        <Box data-testid="export-progress">
          <JobProgressBar finished={finished} percent={percent} label="Export progress" />
          <Stack direction="row" spacing={2} sx={{ mt: 0.75, justifyContent: 'space-between' }}>
            <Typography variant="body2" role="status" noWrap title={p?.message} sx={{ minWidth: 0 }}>
              {finished ? '' : (p?.message ?? 'Starting…')}
            </Typography>
            {p && !finished ? (
              <Typography
                variant="body2"
                sx={{ color: 'text.secondary', whiteSpace: 'nowrap', textTransform: 'capitalize' }}
              >
                {p.phase} · {formatCount(p.done)} of {formatCount(p.total)}
              </Typography>
            ) : null}
          </Stack>
        </Box>
      ) : null}

      {finished ? (
        <Alert
          severity={outcomeSeverity(finished.outcome)}
          variant="outlined"
          onClose={tracker.dismiss}
          data-testid="export-outcome"
        >
          <AlertTitle>
            {finished.outcome === 'completed'
              ? 'Package exported'
              : finished.outcome === 'cancelled'
                ? 'Export cancelled'
                : 'Export failed'}
          </AlertTitle>
          {exported ? (
            <Stack spacing={1.5} sx={{ mt: 0.5 }}>
              <DefinitionList
                labelWidth={120}
                items={[
                  {
                    label: 'Folder',
                    value: (
                      <Box component="code" sx={mono} data-testid="export-folder">
                        {exported.folder}
                      </Box>
                    ),
                  },
                  {
                    label: 'Zip',
                    value: (
                      <Box component="code" sx={mono}>
                        {exported.zip}
                      </Box>
                    ),
                  },
                  { label: 'Files', value: formatCount(exported.files) },
                  {
                    label: 'Signed by',
                    value: `${commonNameOf(exported.signer.subject)}${exported.signer.selfSigned ? ' (self-signed engagement certificate)' : ''}`,
                  },
                  {
                    label: 'Manifest SHA-256',
                    value: (
                      <Box component="code" sx={mono}>
                        {exported.manifestSha256}
                      </Box>
                    ),
                  },
                ]}
              />
              <Box>
                <Button
                  variant="outlined"
                  size="small"
                  color="inherit"
                  onClick={() => onVerify(exported.zip)}
                >
                  Verify this package
                </Button>
              </Box>
            </Stack>
          ) : (
            <Box component="span" sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
              {finished.message}
            </Box>
          )}
        </Alert>
      ) : null}
    </SectionPanel>
  );
}
