import { z } from 'zod';
import { controlStates } from '../../assess/control-state';
import { defineOperation } from './define';

const attestationCountsSchema = z.object({
  implemented: z.number(),
  partially_implemented: z.number(),
  not_implemented: z.number(),
  not_applicable: z.number(),
});

export const controlRowSchema = z.object({
  citation: z.string(),
  safeguard: z.enum(['administrative', 'physical', 'technical', 'organizational', 'documentation']),
  standard: z.string(),
  implementationSpecification: z.string().nullable(),
  /** Required or addressable; null on standards (always mandatory, 164.306(c)). */
  requirement: z.enum(['required', 'addressable']).nullable(),
  rowType: z.enum(['standard', 'implementation_specification']),
  standardCitation: z.string(),
  note: z.string().nullable(),
  /** Findings of the newest run that cite exactly this row, by result. */
  failing: z.number(),
  passing: z.number(),
  /** The consultant's attestations for this row, by status. */
  attestations: attestationCountsSchema,
  /** The row's status, decided as in the report's control matrix (src/assess/control-state.ts). */
  state: z.enum(controlStates),
  label: z.string(),
  tone: z.enum(['fail', 'warning', 'pass', 'ok', 'muted']),
});

export const controlOps = {
  'controls.matrix': defineOperation({
    summary:
      'The Security Rule control matrix: the 68 catalog rows with the findings of the newest run that cite each one, and attestations.',
    input: z.object({}),
    output: z.object({
      /** The run whose findings are counted; null when no completed run has findings. */
      runId: z.number().nullable(),
      source: z.object({
        regulation: z.string(),
        textVersion: z.string(),
        compiledOn: z.string(),
        verifyAt: z.string(),
      }),
      rows: z.array(controlRowSchema),
    }),
  }),
} as const;
