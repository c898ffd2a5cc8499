import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';
import { ChipInput } from '../../components/chip-input';
import type { EngagementDraft, EngagementFieldName, FieldMessages } from './engagement-draft';
import { regionProvider, regionSuggestions } from './region-suggestions';

interface EngagementFieldsProps {
  value: EngagementDraft;
  onChange(next: EngagementDraft): void;
  errors: FieldMessages<EngagementFieldName>;
  /** PHI path patterns are an advanced setting: shown when editing, not when creating. */
  showPathPatterns?: boolean;
  /** Extra fields placed at the end of the grid (e.g. the file name when creating). */
  children?: ReactNode;
  autoFocus?: boolean;
}

const tagKeySuggestions = ['phi', 'data-classification', 'hipaa', 'ephi', 'sensitivity', 'compliance'];

/** The engagement settings, shared by the create form and the settings dialog. */
export function EngagementFields({
  value,
  onChange,
  errors,
  showPathPatterns,
  children,
  autoFocus,
}: EngagementFieldsProps) {
  const set = <K extends keyof EngagementDraft>(key: K, v: EngagementDraft[K]) =>
    onChange({ ...value, [key]: v });
  const helper = (field: EngagementFieldName, text?: string) => ({
    error: Boolean(errors[field]),
    helperText: errors[field] ?? text,
  });

  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))' },
        columnGap: 2,
        rowGap: 2.25,
      }}
    >
      <TextField
        id="engagement-client"
        label="Client"
        required
        autoFocus={autoFocus}
        value={value.client}
        onChange={(e) => set('client', e.target.value)}
        {...helper('client', 'The covered entity or business associate being assessed.')}
      />
      <TextField
        id="engagement-title"
        label="Engagement title"
        value={value.title}
        onChange={(e) => set('title', e.target.value)}
        {...helper(
          'title',
          `Optional. Defaults to “HIPAA Security Rule assessment ${value.periodStart.slice(0, 4) || 'YYYY'}”.`,
        )}
      />
      <TextField
        id="engagement-period-start"
        label="Period start"
        type="date"
        required
        value={value.periodStart}
        onChange={(e) => set('periodStart', e.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
        {...helper('periodStart')}
      />
      <TextField
        id="engagement-period-end"
        label="Period end"
        type="date"
        required
        value={value.periodEnd}
        onChange={(e) => set('periodEnd', e.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
        {...helper('periodEnd')}
      />
      <Box sx={{ gridColumn: '1 / -1' }}>
        <ChipInput
          id="engagement-approved-regions"
          label="Approved regions"
          lowercase
          value={value.approvedRegions}
          onChange={(v) => set('approvedRegions', v)}
          suggestions={regionSuggestions}
          groupOf={regionProvider}
          placeholder="us-east-1, eastus…"
          helperText="Regions where the client allows PHI to be stored or processed. Press Enter after each."
          error={errors.approvedRegions ?? null}
        />
      </Box>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <ChipInput
          id="engagement-phi-tag-keys"
          label="PHI tag keys"
          value={value.phiTagKeys}
          onChange={(v) => set('phiTagKeys', v)}
          suggestions={tagKeySuggestions}
          helperText="Resource tags that mark PHI, e.g. phi=true or data-classification=phi."
          error={errors.phiTagKeys ?? null}
        />
      </Box>
      {showPathPatterns ? (
        <Box sx={{ gridColumn: '1 / -1' }}>
          <ChipInput
            id="engagement-phi-path-patterns"
            label="PHI path patterns"
            value={value.phiPathPatterns}
            onChange={(v) => set('phiPathPatterns', v)}
            placeholder="patients/*"
            helperText="Optional. Object-key or path patterns that indicate PHI where tags are missing."
            error={errors.phiPathPatterns ?? null}
          />
        </Box>
      ) : null}
      <Box sx={{ gridColumn: '1 / -1' }}>
        <ChipInput
          id="engagement-phi-url-paths"
          label="PHI URL paths"
          value={value.phiUrlPaths}
          onChange={(v) => set('phiUrlPaths', v)}
          placeholder="/account*"
          helperText="URL paths of the client's sites and APIs that carry PHI. CDN cache behaviours and routes that serve them are checked for edge caching."
          error={errors.phiUrlPaths ?? null}
        />
      </Box>
      <TextField
        id="engagement-consultant"
        label="Consultant"
        value={value.consultant}
        onChange={(e) => set('consultant', e.target.value)}
        {...helper('consultant', 'Who performs the assessment. Optional.')}
      />
      {children}
    </Box>
  );
}
