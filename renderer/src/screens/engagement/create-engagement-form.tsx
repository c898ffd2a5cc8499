import AddOutlined from '@mui/icons-material/AddOutlined';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useAction, useDesk } from '../../api/hooks';
import { fieldErrorOf } from '../../components/field-errors';
import { navigate } from '../../shell/router';
import { useAppInfo } from '../../workspace/workspace-actions';
import { useWorkspace } from '../../workspace/workspace-context';
import {
  checkDraft,
  engagementFieldNames,
  newEngagementDraft,
  suggestFileName,
  type EngagementDraft,
  type FieldMessages,
} from './engagement-draft';
import { EngagementFields } from './engagement-fields';

const formFields = [...engagementFieldNames, 'file'] as const;
type FormField = (typeof formFields)[number];

export function CreateEngagementForm() {
  const desk = useDesk();
  const info = useAppInfo();
  const { setSummary } = useWorkspace();
  const [draft, setDraft] = useState<EngagementDraft>(() => newEngagementDraft());
  // The file name follows the client's name until the user types one.
  const [typedFile, setTypedFile] = useState<string | null>(null);
  const [localErrors, setLocalErrors] = useState<FieldMessages<FormField>>({});
  const create = useAction('workspace.create', { handlesError: (e) => fieldErrorOf(e, formFields) !== null });

  const file = typedFile ?? suggestFileName(draft.client, draft.periodStart);
  const apiError = fieldErrorOf(create.error, formFields);
  const errors: FieldMessages<FormField> = { ...localErrors };
  if (apiError) {
    const list =
      apiError.index !== undefined ? (draft[apiError.field as keyof EngagementDraft] as unknown) : undefined;
    const bad = Array.isArray(list) ? (list[apiError.index!] as string | undefined) : undefined;
    errors[apiError.field] = bad
      ? `“${bad}”: ${apiError.message.charAt(0).toLowerCase()}${apiError.message.slice(1)}`
      : apiError.message;
  }

  const edit = (next: EngagementDraft) => {
    setDraft(next);
    setLocalErrors({});
    create.reset();
  };

  const chooseLocation = async () => {
    const path = await desk.dialogs?.saveWorkspace(`${file || 'engagement'}.phiaudit`);
    if (path) setTypedFile(path);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = checkDraft(draft);
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const result = await create.run({ ...draft, file });
    if (result.ok) {
      setSummary(result.value);
      navigate('engagement');
    }
  };

  const isAbsolute = /^([/\\]|[A-Za-z]:[/\\])/.test(file);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="create-engagement-title" sx={{ p: 3 }}>
      <Typography id="create-engagement-title" variant="h6" component="h2">
        Create engagement
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5, mb: 3 }}>
        One workspace file per engagement holds its settings, evidence, findings and audit log.
      </Typography>
      <form noValidate onSubmit={(e) => void submit(e)} aria-label="Create engagement">
        <EngagementFields value={draft} onChange={edit} errors={errors}>
          <TextField
            id="engagement-file"
            label="File name"
            required
            value={file}
            onChange={(e) => {
              setTypedFile(e.target.value);
              create.reset();
            }}
            error={Boolean(errors.file)}
            helperText={
              errors.file ??
              (isAbsolute ? 'Saved at this path.' : info ? `Saved in ${info.workspaceDir}` : ' ')
            }
            slotProps={{
              input: isAbsolute
                ? {}
                : { endAdornment: <InputAdornment position="end">.phiaudit</InputAdornment> },
            }}
          />
        </EngagementFields>
        <Stack direction="row" spacing={1.5} sx={{ mt: 3, alignItems: 'center' }}>
          <Button
            type="submit"
            variant="contained"
            startIcon={create.pending ? <CircularProgress size={16} color="inherit" /> : <AddOutlined />}
            disabled={create.pending}
          >
            Create engagement
          </Button>
          {desk.dialogs ? (
            <Button variant="text" onClick={() => void chooseLocation()}>
              Choose location…
            </Button>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}
