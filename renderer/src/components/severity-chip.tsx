import Chip from '@mui/material/Chip';
import type { OpOutput } from '../../../src/api/contract';

export type Severity = OpOutput<'findings.list'>['items'][number]['severity'];

export const severities: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

const LABEL: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

export function severityLabel(severity: Severity): string {
  return LABEL[severity];
}

/**
 * Severity as a coloured chip: the two levels that need action first are filled, the rest outlined,
 * so the colour is never the only cue (the label always says it).
 */
export function SeverityChip({ severity }: { severity: Severity }) {
  switch (severity) {
    case 'critical':
      return (
        <Chip
          label={LABEL.critical}
          color="error"
          sx={{ bgcolor: 'error.dark', fontWeight: 600, minWidth: 68 }}
        />
      );
    case 'high':
      return <Chip label={LABEL.high} color="error" sx={{ fontWeight: 600, minWidth: 68 }} />;
    case 'medium':
      return (
        <Chip
          label={LABEL.medium}
          color="warning"
          variant="outlined"
          sx={{ fontWeight: 600, minWidth: 68 }}
        />
      );
    case 'low':
      return <Chip label={LABEL.low} color="info" variant="outlined" sx={{ minWidth: 68 }} />;
    case 'info':
      return <Chip label={LABEL.info} variant="outlined" sx={{ minWidth: 68 }} />;
  }
}
