import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { OpInput } from '../../../../src/api/contract';
import { useAction } from '../../api/hooks';
import { DescribedRadio } from '../../components/described-radio';
import { SectionPanel } from '../../components/section-panel';
import { LiveTargetsEditor } from './live-targets-editor';
import { toTargetInput, type TargetDraft } from './target-draft';

type SourceKind = OpInput<'assess.start'>['source']['kind'];

const SourceOption = DescribedRadio<SourceKind>;

interface RunAssessmentPanelProps {
  /** A job is running: starting another is refused by the server, so the button waits. */
  busy: boolean;
  onStarted(jobId: string): void;
}

/** Chooses what to assess (the simulated demo, a scenario file, or real targets) and starts the job. */
export function RunAssessmentPanel({ busy, onStarted }: RunAssessmentPanelProps) {
  const [kind, setKind] = useState<SourceKind>('demo');
  const [scenarioPath, setScenarioPath] = useState('');
  const [targets, setTargets] = useState<TargetDraft[]>([]);
  const [localError, setLocalError] = useState<string | null>(null);
  // Errors are shown here, beside the choice they are about (a scenario file that does not parse...).
  // A start reloads the screen's data, so the run history lists the new run as running.
  const start = useAction('assess.start', { handlesError: () => true });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setLocalError(null);
    start.reset();
    let source: OpInput<'assess.start'>['source'];
    if (kind === 'demo') source = { kind: 'demo' };
    else if (kind === 'scenario') {
      if (!scenarioPath.trim()) return setLocalError('Enter the path of a scenario file (.json).');
      source = { kind: 'scenario', path: scenarioPath.trim() };
    } else {
      if (targets.length === 0) return setLocalError('Add at least one AWS account or Azure subscription.');
      source = { kind: 'live', targets: targets.map(toTargetInput) };
    }
    const result = await start.run({ source });
    if (result.ok) onStarted(result.value.jobId);
  };

  const error = localError ?? start.error?.message ?? null;
  return (
    <SectionPanel
      title="Run assessment"
      description="Collects read-only evidence, then evaluates the rules. Nothing is changed in the client’s clouds: every call outside the collectors’ read-only list is refused before it leaves this machine."
    >
      <form noValidate aria-label="Run assessment" onSubmit={(e) => void submit(e)}>
        <RadioGroup
          aria-label="What to assess"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as SourceKind);
            setLocalError(null);
            start.reset();
          }}
          sx={{ gap: 1.5 }}
        >
          <SourceOption value="demo" title="Simulated demo organisation">
            Northwind Vitals, a fictional health-adjacent online shop: two AWS accounts and one Azure
            subscription, answered by the built-in simulator. No network, no credentials.
          </SourceOption>
          <SourceOption value="scenario" title="Scenario file">
            A simulated organisation described in a JSON scenario file (test fixtures, generated large
            organisations).
          </SourceOption>
          {kind === 'scenario' ? (
            <Box sx={{ pl: 4 }}>
              <TextField
                id="scenario-path"
                label="Scenario file path"
                placeholder="/home/you/scenarios/client-lab.json"
                value={scenarioPath}
                onChange={(e) => {
                  setScenarioPath(e.target.value);
                  setLocalError(null);
                  start.reset();
                }}
                slotProps={{ htmlInput: { spellCheck: false } }}
                helperText="An absolute path. The file is checked before the run starts."
              />
            </Box>
          ) : null}
          <SourceOption value="live" title="Live targets">
            The client’s AWS accounts and Azure subscriptions, read with your own local credentials (profiles,
            SSO, az login).
          </SourceOption>
          {kind === 'live' ? (
            <Box sx={{ pl: 4 }}>
              <LiveTargetsEditor targets={targets} onChange={setTargets} />
            </Box>
          ) : null}
        </RadioGroup>
        {error ? (
          <Alert severity="error" sx={{ mt: 2, whiteSpace: 'pre-line' }} data-testid="assessment-start-error">
            {error}
          </Alert>
        ) : null}
        <Stack direction="row" spacing={1.5} sx={{ mt: 2.5, alignItems: 'center' }}>
          <Button
            type="submit"
            variant="contained"
            disabled={busy || start.pending}
            startIcon={start.pending ? <CircularProgress size={16} color="inherit" /> : <PlayArrowOutlined />}
          >
            Start assessment
          </Button>
          {busy ? (
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              A job is running; the next one can start when it ends.
            </Typography>
          ) : null}
        </Stack>
      </form>
    </SectionPanel>
  );
}
