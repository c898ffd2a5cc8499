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
