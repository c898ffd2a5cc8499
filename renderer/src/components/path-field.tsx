import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import type { ReactNode } from 'react';
import { useDesk } from '../api/hooks';

type PathFieldProps = TextFieldProps & {
  /** Buttons between the field and Browse… (typically the form's submit button). */
  actions?: ReactNode;
  /** Opens the native file or folder dialog. */
  onBrowse(): void;
  browseDisabled?: boolean;
};

/**
 * A text field for a path, with a Browse… button where a native dialog exists (the Electron
 * window); in a browser tab the path is typed.
 */
export function PathField({ actions, onBrowse, browseDisabled, ...field }: PathFieldProps) {
  const desk = useDesk();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextField {...field} />
      {actions}
      {desk.dialogs ? (
        <Button
          variant="outlined"
          startIcon={<FolderOpenOutlined />}
          onClick={onBrowse}
          disabled={browseDisabled}
          sx={{ flexShrink: 0, height: 40 }}
        >
          Browse…
        </Button>
      ) : null}
    </Stack>
  );
}
