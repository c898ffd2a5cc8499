import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useOperation } from '../../api/hooks';
import { CodeBlock } from '../../components/code-block';
import { DefinitionList } from '../../components/definition-list';
import { formatDateTime } from '../../components/format';
import { LoadingBar } from '../../components/loading-bar';
import { monospaceFont } from '../../theme/theme';

type Recheck =
  | { state: 'checking' }
  | { state: 'match' }
  | { state: 'mismatch'; actual: string }
  | { state: 'unavailable'; reason: string };

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Stored JSON shown indented; anything else as stored. */
function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text) as unknown, null, 2);
  } catch {
    // Not JSON (a raw error text, XML): shown exactly as collected.
    return text;
  }
}

/**
 * The window recomputes the body's SHA-256 itself, so what the consultant reads is shown to be
 * what was stored, independently of the server's own claim.
 */
function useRecheck(body: string | undefined, expected: string | undefined): Recheck {
  const [result, setResult] = useState<Recheck>({ state: 'checking' });
  useEffect(() => {
    if (body === undefined || expected === undefined) return;
    if (!globalThis.crypto?.subtle) {
      setResult({ state: 'unavailable', reason: 'this window has no Web Crypto' });
      return;
    }
    let current = true;
    setResult({ state: 'checking' });
    sha256Hex(body).then(
      (actual) =>
        current &&
        setResult(actual === expected.toLowerCase() ? { state: 'match' } : { state: 'mismatch', actual }),
      (err: unknown) =>
        current &&
        setResult({ state: 'unavailable', reason: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      current = false;
    };
  }, [body, expected]);
  return result;
}

function RecheckChip({ recheck }: { recheck: Recheck }) {
  switch (recheck.state) {
    case 'checking':
      return <Chip label="Checking…" variant="outlined" />;
    case 'match':
      return (
        <Chip
          icon={<CheckCircleOutlined />}
          label="Recomputed here: matches the body"
          color="success"
          variant="outlined"
          data-testid="evidence-hash-check"
        />
      );
    case 'mismatch':
      return (
        <Chip
          icon={<ErrorOutlined />}
          label={`Recomputed here: ${recheck.actual.slice(0, 12)}… does not match`}
          color="error"
          data-testid="evidence-hash-check"
        />
      );
    case 'unavailable':
      return (
        <Chip
          label={`Not recomputed: ${recheck.reason}`}
          variant="outlined"
          data-testid="evidence-hash-check"
        />
      );
  }
}

const mono = { fontFamily: monospaceFont, fontSize: '0.8rem', overflowWrap: 'anywhere' } as const;

/** evidence.get: one raw API response as collected, with its request and SHA-256. */
export function EvidenceDialog({ id, onClose }: { id: number; onClose(): void }) {
  const evidence = useOperation('evidence.get', { id });
  const e = evidence.data;
  const recheck = useRecheck(e?.body, e?.sha256);

  return (
    <Dialog open onClose={onClose} aria-labelledby="evidence-title" maxWidth="lg">
      <DialogTitle id="evidence-title">
        Evidence #{id}
        {e ? (
          <Typography component="span" variant="body1" sx={{ color: 'text.secondary', ml: 1 }}>
            {e.service} · {e.operation} · {e.region}
          </Typography>
        ) : null}
      </DialogTitle>
      <DialogContent>
        <LoadingBar loading={evidence.loading} label="Loading evidence" />
        {e ? (
          <Stack spacing={2.5}>
            <DefinitionList
              labelWidth={140}
              items={[
                {
                  label: 'SHA-256',
                  value: (
                    <Stack
                      direction="row"
                      spacing={1.5}
                      useFlexGap
                      sx={{ alignItems: 'center', flexWrap: 'wrap' }}
                    >
                      <Box component="code" data-testid="evidence-sha256" sx={mono}>
                        {e.sha256}
                      </Box>
                      <RecheckChip recheck={recheck} />
                    </Stack>
                  ),
                },
                {
                  label: 'Outcome',
                  value:
                    e.outcome === 'ok'
                      ? 'Answered'
                      : `Error ${e.errorCode ?? ''}${e.errorMessage ? `: ${e.errorMessage}` : ''}`,
                },
                { label: 'Collected', value: formatDateTime(e.collectedAt) },
                { label: 'Run', value: `#${e.runId}` },
                {
                  label: e.provider === 'aws' ? 'Account' : 'Subscription',
                  value: <Box component="span" sx={mono}>{`${e.provider} ${e.scopeId}`}</Box>,
                },
                {
                  label: 'Caller identity',
                  value: (
                    <Box component="span" sx={mono}>
                      {e.callerIdentity || '—'}
                    </Box>
                  ),
                },
              ]}
            />
            <Box>
              <Typography variant="subtitle2" component="h3" sx={{ mb: 0.75 }}>
                Request
              </Typography>
              <CodeBlock
                label="Evidence request"
                text={JSON.stringify(e.request ?? {}, null, 2)}
                maxHeight={160}
              />
            </Box>
            <Box>
              <Typography variant="subtitle2" component="h3" sx={{ mb: 0.75 }}>
                Response body
              </Typography>
              <CodeBlock
                label="Evidence response body"
                text={pretty(e.body)}
                maxHeight={420}
                testId="evidence-body"
              />
              <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                Indented for reading; the SHA-256 covers the body exactly as stored.
              </Typography>
            </Box>
          </Stack>
        ) : null}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2.5 }}>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
