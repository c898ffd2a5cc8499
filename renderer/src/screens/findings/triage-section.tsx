import EditOutlined from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { OpInput, OpOutput } from '../../../../src/api/contract';
import { useAction, useOperation } from '../../api/hooks';
import { DefinitionList } from '../../components/definition-list';
import { fieldErrorOf } from '../../components/field-errors';
import { formatCalendarDate, formatShortDateTime } from '../../components/format';
import { TriageChip, triageStatuses, triageStatusLabel, type TriageStatus } from './finding-badges';

type Decision = OpOutput<'finding.triageHistory'>[number];
type Level = NonNullable<Decision['likelihood']>;
type TriageInput = OpInput<'finding.triage'>;

const LEVELS: readonly { value: Level; label: string }[] = [
  { value: 'low', label: 'Low' },
  { value: 'medium', label: 'Medium' },
  { value: 'high', label: 'High' },
];

const levelLabel = (level: Level | null) => LEVELS.find((l) => l.value === level)?.label ?? 'Not rated';

const triageFieldNames = ['status', 'owner', 'dueDate', 'likelihood', 'impact', 'justification'] as const;

/** Statuses the server refuses without a justification (it is printed in the risk management plan). */
const needsJustification = (status: TriageStatus) =>
  status === 'risk_accepted' || status === 'false_positive';

function riskRating(d: Pick<Decision, 'likelihood' | 'impact'>): string {
  if (d.likelihood === null && d.impact === null) return 'Not rated';
  return `Likelihood ${levelLabel(d.likelihood).toLowerCase()} · impact ${levelLabel(d.impact).toLowerCase()}`;
}

/** What a decision set, in one line for the history. */
function summary(d: Decision): string {
  return [
    triageStatusLabel(d.status),
    d.owner ? `owner ${d.owner}` : null,
    d.dueDate ? `due ${formatCalendarDate(d.dueDate)}` : null,
    d.likelihood !== null || d.impact !== null ? riskRating(d).toLowerCase() : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

interface Draft {
  status: TriageStatus;
  owner: string;
  dueDate: string;
  likelihood: Level | '';
  impact: Level | '';
  justification: string;
}

function draftOf(current: Decision | undefined): Draft {
  return {
    status: current?.status ?? 'open',
    owner: current?.owner ?? '',
    dueDate: current?.dueDate ?? '',
    likelihood: current?.likelihood ?? '',
    impact: current?.impact ?? '',
    justification: current?.justification ?? '',
  };
}

interface TriageFormProps {
  findingKey: string;
  current: Decision | undefined;
  onDone(): void;
}

/** finding.triage; mounted only while editing, so each opening starts from the saved decision. */
function TriageForm({ findingKey, current, onDone }: TriageFormProps) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(current));
  const save = useAction('finding.triage', {
    handlesError: (e) => fieldErrorOf(e, triageFieldNames) !== null,
  });
  const apiError = fieldErrorOf(save.error, triageFieldNames);
  const helper = (field: (typeof triageFieldNames)[number], text?: string) => ({
    error: apiError?.field === field,
    helperText: apiError?.field === field ? apiError.message : text,
  });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    save.reset();
  };
  const required = needsJustification(draft.status);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: TriageInput = {
      findingKey,
      status: draft.status,
      owner: draft.owner.trim(),
      dueDate: draft.dueDate || null,
      likelihood: draft.likelihood || null,
      impact: draft.impact || null,
      justification: draft.justification.trim(),
    };
    const result = await save.run(input);
    if (result.ok) onDone();
  };

  return (
    <Box
      component="form"
      noValidate
      aria-label="Edit triage"
      onSubmit={(e) => void submit(e)}
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}
    >
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
          columnGap: 2,
          rowGap: 2.25,
        }}
      >
        <TextField
          id="triage-status"
          select
          label="Status"
          value={draft.status}
          onChange={(e) => set('status', e.target.value as TriageStatus)}
          {...helper('status')}
        >
          {triageStatuses.map((s) => (
            <MenuItem key={s} value={s}>
              {triageStatusLabel(s)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="triage-owner"
          label="Owner"
          value={draft.owner}
          onChange={(e) => set('owner', e.target.value)}
          slotProps={{ htmlInput: { maxLength: 200 } }}
          {...helper('owner')}
        />
        <TextField
          id="triage-due-date"
          label="Due date"
          type="date"
          value={draft.dueDate}
          onChange={(e) => set('dueDate', e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          {...helper('dueDate')}
        />
        {(['likelihood', 'impact'] as const).map((field) => (
          <TextField
            key={field}
            id={`triage-${field}`}
            select
            label={field === 'likelihood' ? 'Likelihood' : 'Impact'}
            value={draft[field]}
            onChange={(e) => set(field, e.target.value as Level | '')}
            {...helper(field)}
          >
            <MenuItem value="">Not rated</MenuItem>
            {LEVELS.map((l) => (
              <MenuItem key={l.value} value={l.value}>
                {l.label}
              </MenuItem>
            ))}
          </TextField>
        ))}
        <Box />
        <TextField
          id="triage-justification"
          label={required ? 'Justification (required)' : 'Justification'}
          multiline
          minRows={3}
          value={draft.justification}
          onChange={(e) => set('justification', e.target.value)}
          slotProps={{ htmlInput: { maxLength: 5000 } }}
          sx={{ gridColumn: '1 / -1' }}
          {...helper(
            'justification',
            required
              ? draft.status === 'risk_accepted'
                ? 'Why the risk is accepted; printed in the risk management plan.'
                : 'Why the finding does not apply to this resource.'
              : 'Optional.',
          )}
        />
      </Box>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', mt: 2 }}>
        <Button onClick={onDone}>Cancel</Button>
        <Button
          type="submit"
          variant="contained"
          disabled={save.pending}
          startIcon={save.pending ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          Save triage
        </Button>
      </Stack>
    </Box>
  );
}

/**
 * The finding's triage: the current decision, a form to change it and every decision made. The
 * current decision is the newest in the history.
 */
export function TriageSection({ findingKey }: { findingKey: string }) {
  const history = useOperation('finding.triageHistory', { findingKey });
  const [editing, setEditing] = useState(false);
  const decisions = history.data ?? [];
  const current = decisions[0];

  return (
    <Stack spacing={2} data-testid="finding-triage">
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        Decisions carry from run to run (they are keyed by rule + resource) and feed the risk management plan
        (164.308(a)(1)(ii)(B)) in the audit package.
      </Typography>
      {current ? (
        <DefinitionList
          labelWidth={130}
          items={[
            { label: 'Status', value: <TriageChip status={current.status} /> },
            { label: 'Owner', value: current.owner || '—' },
            { label: 'Due date', value: current.dueDate ? formatCalendarDate(current.dueDate) : '—' },
            { label: 'Risk rating', value: riskRating(current) },
            ...(current.justification ? [{ label: 'Justification', value: current.justification }] : []),
          ]}
        />
      ) : history.data ? (
        <Typography variant="body2">Not triaged: no decision has been recorded for this finding.</Typography>
      ) : null}
      {editing ? (
        <TriageForm findingKey={findingKey} current={current} onDone={() => setEditing(false)} />
      ) : (
        <Box>
          <Button
            variant="outlined"
            startIcon={<EditOutlined />}
            onClick={() => setEditing(true)}
            disabled={!history.data}
          >
            Edit triage
          </Button>
        </Box>
      )}
      {decisions.length > 0 ? (
        <Table size="small" aria-label="Triage history">
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>Who</TableCell>
              <TableCell>Decision</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {decisions.map((d, i) => (
              <TableRow key={`${d.changedAt}-${decisions.length - i}`} sx={{ verticalAlign: 'top' }}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatShortDateTime(d.changedAt)}</TableCell>
                <TableCell>{d.actor}</TableCell>
                <TableCell>
                  {summary(d)}
                  {d.justification ? (
                    <Typography variant="caption" component="p" sx={{ color: 'text.secondary' }}>
                      {d.justification}
                    </Typography>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Stack>
  );
}
