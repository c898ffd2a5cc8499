import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useAction } from '../../api/hooks';
import { fieldErrorOf } from '../../components/field-errors';
import { useWorkspace, type WorkspaceSummary } from '../../workspace/workspace-context';
import {
  checkDraft,
  draftFromSummary,
  engagementFieldNames,
  type EngagementDraft,
  type FieldMessages,
  type EngagementFieldName,
} from './engagement-draft';
import { EngagementFields } from './engagement-fields';

interface EditSettingsDialogProps {
  summary: WorkspaceSummary;
  onClose(): void;
}

/** engagement.update; mounted only while open, so each opening starts from the saved settings. */
export function EditSettingsDialog({ summary, onClose }: EditSettingsDialogProps) {
  const { setSummary } = useWorkspace();
  const [draft, setDraft] = useState<EngagementDraft>(() => draftFromSummary(summary));
  const [localErrors, setLocalErrors] = useState<FieldMessages<EngagementFieldName>>({});
  const update = useAction('engagement.update', {
    handlesError: (e) => fieldErrorOf(e, engagementFieldNames) !== null,
  });
  const apiError = fieldErrorOf(update.error, engagementFieldNames);
  const errors = apiError ? { ...localErrors, [apiError.field]: apiError.message } : localErrors;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = checkDraft(draft);
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const result = await update.run(draft);
    if (result.ok) {
      setSummary(result.value);
      onClose();
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="edit-settings-title">
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DialogTitle id="edit-settings-title">Engagement settings</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2.5 }}>
            Changes apply to the next evaluation and are recorded in the audit log.
          </Typography>
          <EngagementFields
            value={draft}
            onChange={(next) => {
              setDraft(next);
              setLocalErrors({});
              update.reset();
            }}
            errors={errors}
            showPathPatterns
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2.5 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            variant="contained"
            disabled={update.pending}
            startIcon={update.pending ? <CircularProgress size={16} color="inherit" /> : undefined}
          >
            Save settings
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
