import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { OpOutput } from '../../../../src/api/contract';

export type Finding = OpOutput<'findings.list'>['items'][number];

export function PhiBadge() {
  return (
    <Chip
      label="PHI"
      color="secondary"
      variant="outlined"
      title="The resource is classified as holding PHI"
      sx={{ fontWeight: 700, letterSpacing: '0.04em' }}
    />
  );
}

export function ChangeBadge({ change }: { change: Finding['change'] }) {
  if (change === 'new') return <Chip label="New" color="info" variant="outlined" />;
  if (change === 'resolved') return <Chip label="Resolved" color="success" variant="outlined" />;
  return (
    <Typography variant="caption" sx={{ color: 'text.secondary' }}>
      Unchanged
    </Typography>
  );
}

const STATUS_LABEL: Record<Finding['status'], string> = {
  fail: 'Fail',
  pass: 'Pass',
  not_applicable: 'Not applicable',
};

export function ResultBadge({ status }: { status: Finding['status'] }) {
  const color = status === 'fail' ? 'error' : status === 'pass' ? 'success' : 'default';
  return <Chip label={STATUS_LABEL[status]} color={color} variant="outlined" />;
}

export type TriageStatus = OpOutput<'finding.triageHistory'>[number]['status'];

export const triageStatuses: readonly TriageStatus[] = [
  'open',
  'in_progress',
  'remediated',
  'risk_accepted',
  'false_positive',
];

const TRIAGE_LABEL: Record<TriageStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  remediated: 'Remediated',
  risk_accepted: 'Risk accepted',
  false_positive: 'False positive',
};

const TRIAGE_COLOR: Record<TriageStatus, 'default' | 'info' | 'success' | 'warning'> = {
  open: 'default',
  in_progress: 'info',
  remediated: 'success',
  risk_accepted: 'warning',
  false_positive: 'default',
};

/** A plain label for a triage status (findings.list returns it as a string). */
export function triageStatusLabel(status: string): string {
  return TRIAGE_LABEL[status as TriageStatus] ?? status;
}

export function TriageChip({ status }: { status: string }) {
  return (
    <Chip
      label={triageStatusLabel(status)}
      color={TRIAGE_COLOR[status as TriageStatus] ?? 'default'}
      variant="outlined"
    />
  );
}
