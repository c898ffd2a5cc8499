import type { OpOutput } from '../../../../src/api/contract';

export type ControlRow = OpOutput<'controls.matrix'>['rows'][number];
export type ControlState = ControlRow['state'];

export interface ControlStatus {
  state: ControlState;
  label: string;
  color: 'error' | 'warning' | 'success' | 'default';
  filled: boolean;
}

const TONE_STYLE: Record<ControlRow['tone'], Pick<ControlStatus, 'color' | 'filled'>> = {
  fail: { color: 'error', filled: false },
  warning: { color: 'warning', filled: false },
  pass: { color: 'success', filled: false },
  ok: { color: 'success', filled: false },
  muted: { color: 'default', filled: false },
};

/** The status the server decided (src/assess/control-state.ts), styled for the screen. */
export function controlStatus(row: ControlRow): ControlStatus {
  const style = row.state === 'failing' ? { color: 'error' as const, filled: true } : TONE_STYLE[row.tone];
  return { state: row.state, label: row.label, ...style };
}

export const safeguardLabels: Record<ControlRow['safeguard'], string> = {
  administrative: 'Administrative',
  physical: 'Physical',
  technical: 'Technical',
  organizational: 'Organizational',
  documentation: 'Documentation',
};

export const safeguardSections: Record<ControlRow['safeguard'], string> = {
  administrative: '164.308',
  physical: '164.310',
  technical: '164.312',
  organizational: '164.314',
  documentation: '164.316',
};
