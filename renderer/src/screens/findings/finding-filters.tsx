import ClearAllOutlined from '@mui/icons-material/ClearAllOutlined';
import SearchOutlined from '@mui/icons-material/SearchOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { OpInput, OpOutput } from '../../../../src/api/contract';
import { severities, severityLabel, type Severity } from '../../components/severity-chip';

type ListInput = OpInput<'findings.list'>;
export type FindingStatus = NonNullable<ListInput['status']>;
export type FindingChange = NonNullable<ListInput['change']>;

export interface FindingFilters {
  /** null: the newest completed run */
  runId: number | null;
  status: FindingStatus | 'all';
  severity: Severity[];
  change: FindingChange | 'any';
  phiOnly: boolean;
  query: string;
}

export function defaultFilters(runId: number | null): FindingFilters {
  return { runId, status: 'fail', severity: [], change: 'any', phiOnly: false, query: '' };
}

/** The filters as findings.list input (paging added by the caller). */
export function listInput(f: FindingFilters, query: string): Omit<ListInput, 'limit' | 'offset'> {
  return {
    ...(f.runId !== null ? { runId: f.runId } : {}),
    ...(f.status !== 'all' ? { status: f.status } : {}),
    ...(f.severity.length > 0 ? { severity: f.severity } : {}),
    ...(f.change !== 'any' ? { change: f.change } : {}),
    ...(f.phiOnly ? { phiOnly: true } : {}),
    ...(query.trim() ? { query: query.trim() } : {}),
  };
}

const STATUS_OPTIONS: readonly { value: FindingFilters['status']; label: string }[] = [
  { value: 'fail', label: 'Failing' },
  { value: 'pass', label: 'Passing' },
  { value: 'not_applicable', label: 'Not applicable' },
  { value: 'all', label: 'All results' },
];

const CHANGE_OPTIONS: readonly { value: FindingFilters['change']; label: string }[] = [
  { value: 'any', label: 'Any' },
  { value: 'new', label: 'New in this run' },
  { value: 'resolved', label: 'Resolved since the last run' },
  { value: 'unchanged', label: 'Unchanged' },
];

type Run = OpOutput<'runs.list'>[number];

interface FindingFilterBarProps {
  value: FindingFilters;
  onChange(next: FindingFilters): void;
  runs: Run[];
}

export function FindingFilterBar({ value, onChange, runs }: FindingFilterBarProps) {
  const set = <K extends keyof FindingFilters>(key: K, v: FindingFilters[K]) =>
    onChange({ ...value, [key]: v });
  const toggleSeverity = (s: Severity) =>
    set(
      'severity',
      value.severity.includes(s)
        ? value.severity.filter((x) => x !== s)
        : severities.filter((x) => x === s || value.severity.includes(x)),
    );
  const completed = runs.filter((r) => r.status === 'completed' || r.status === 'partial');
  const isDefault = JSON.stringify(value) === JSON.stringify(defaultFilters(value.runId));

  return (
    <Stack spacing={1.5} role="search" aria-label="Filter findings">
      <Box
        sx={{
          display: 'grid',
          gap: 1.5,
          gridTemplateColumns: '190px 160px 220px minmax(220px, 1fr)',
          alignItems: 'center',
        }}
      >
        <TextField
          id="findings-run"
          select
          label="Run"
          value={value.runId === null ? 'latest' : String(value.runId)}
          onChange={(e) => set('runId', e.target.value === 'latest' ? null : Number(e.target.value))}
        >
          <MenuItem value="latest">Newest run</MenuItem>
          {completed.map((r) => (
            <MenuItem key={r.id} value={String(r.id)}>
              Run #{r.id} · {r.kind === 'evaluate' ? 're-evaluation' : r.kind}
              {r.status === 'partial' ? ' · partial' : ''}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="findings-status"
          select
          label="Result"
          value={value.status}
          onChange={(e) => set('status', e.target.value as FindingFilters['status'])}
        >
          {STATUS_OPTIONS.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="findings-change"
          select
          label="Change"
          value={value.change}
          onChange={(e) => {
            const change = e.target.value as FindingFilters['change'];
            // A resolved finding passes now: showing only failing ones would always be empty.
            onChange({
              ...value,
              change,
              status: change === 'resolved' && value.status === 'fail' ? 'all' : value.status,
            });
          }}
        >
          {CHANGE_OPTIONS.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="findings-query"
          label="Search"
          placeholder="Resource, account, rule id or detail"
          value={value.query}
          onChange={(e) => set('query', e.target.value)}
          slotProps={{
            htmlInput: { maxLength: 200, spellCheck: false },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchOutlined fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
      </Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="body2" id="severity-filter-label" sx={{ color: 'text.secondary', mr: 0.5 }}>
          Severity
        </Typography>
        <Stack direction="row" spacing={0.75} role="group" aria-labelledby="severity-filter-label">
          {severities.map((s) => {
            const on = value.severity.includes(s);
            return (
              <Chip
                key={s}
                label={severityLabel(s)}
                clickable
                onClick={() => toggleSeverity(s)}
                color={on ? 'primary' : 'default'}
                variant={on ? 'filled' : 'outlined'}
                aria-pressed={on}
                role="button"
              />
            );
          })}
        </Stack>
        <FormControlLabel
          sx={{ ml: 2 }}
          control={
            <Switch size="small" checked={value.phiOnly} onChange={(e) => set('phiOnly', e.target.checked)} />
          }
          label={<Typography variant="body2">PHI resources only</Typography>}
        />
        <Box sx={{ flex: 1 }} />
        <Button
          size="small"
          color="inherit"
          startIcon={<ClearAllOutlined />}
          disabled={isDefault}
          onClick={() => onChange(defaultFilters(value.runId))}
        >
          Reset filters
        </Button>
      </Stack>
    </Stack>
  );
}
