import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { ChipInput } from '../../components/chip-input';
import { awsRegions, azureRegions } from '../engagement/region-suggestions';
import {
  awsSignInOptions,
  azureSignInOptions,
  checkTargetDraft,
  cloudLabels,
  type AwsSignIn,
  type AzureSignIn,
  type TargetDraft,
  type TargetErrors,
} from './target-draft';

interface TargetDialogProps {
  initial: TargetDraft;
  /** true when editing a target already in the list */
  editing: boolean;
  onSave(draft: TargetDraft): void;
  onClose(): void;
}

/** Adds or edits one live target: an AWS account or an Azure subscription, with non-secret sign-in selectors. */
export function TargetDialog({ initial, editing, onSave, onClose }: TargetDialogProps) {
  const [draft, setDraft] = useState<TargetDraft>(initial);
  const [errors, setErrors] = useState<TargetErrors>({});
  const aws = draft.provider === 'aws';
  const set = <K extends keyof TargetDraft>(key: K, value: TargetDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors({});
  };
  const helper = (field: keyof TargetErrors, text: string) => ({
    error: Boolean(errors[field]),
    helperText: errors[field] ?? text,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The dialog is portalled out of the run form in the DOM but not in React: without this, its
    // submit would bubble to the run form and start an assessment.
    event.stopPropagation();
    const problems = checkTargetDraft(draft);
    setErrors(problems);
    if (Object.keys(problems).length === 0) onSave(draft);
  };

  const title = `${editing ? 'Edit' : 'Add'} ${aws ? 'AWS account' : 'Azure subscription'}`;
  const signInHelp = aws
    ? awsSignInOptions.find((o) => o.value === draft.awsSignIn)?.help
    : azureSignInOptions.find((o) => o.value === draft.azureSignIn)?.help;
  const regionChoices = aws
    ? awsRegions.filter((r) => r.startsWith('us-gov-') === (draft.cloud === 'aws-us-gov'))
    : azureRegions;

  return (
    <Dialog open onClose={onClose} aria-labelledby="target-dialog-title">
      <form noValidate onSubmit={submit} aria-label={title}>
        <DialogTitle id="target-dialog-title">{title}</DialogTitle>
        <DialogContent>
          <Alert severity="info" variant="outlined" sx={{ mb: 2.5 }}>
            Only selectors are stored:{' '}
            {aws ? 'profile names and role ARNs' : 'tenant, client and subscription ids'}. Secrets stay in{' '}
            {aws ? '~/.aws, the SSO cache or the environment' : 'the Azure CLI cache or the environment'}, and
            the SDK reads them when the run starts.
          </Alert>
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
              columnGap: 2,
              rowGap: 2.25,
            }}
          >
            <TextField
              id="target-label"
              label="Label"
              required
              autoFocus
              value={draft.label}
              onChange={(e) => set('label', e.target.value)}
              {...helper('label', 'How the report names this target.')}
            />
            <TextField
              id="target-scope"
              label={aws ? 'Account ID' : 'Subscription ID'}
              required
              value={draft.scopeId}
              onChange={(e) => set('scopeId', e.target.value)}
              slotProps={{ htmlInput: { spellCheck: false, inputMode: aws ? 'numeric' : 'text' } }}
              {...helper(
                'scopeId',
                aws
                  ? '12 digits. The run checks the credentials sign in to this account.'
                  : 'The subscription GUID.',
              )}
            />
            <TextField
              id="target-cloud"
              select
              label={aws ? 'Partition' : 'Cloud'}
              value={draft.cloud}
              onChange={(e) => {
                set('cloud', e.target.value as TargetDraft['cloud']);
                set('regions', []);
              }}
              helperText={
                aws
                  ? 'GovCloud accounts live in their own partition.'
                  : draft.cloud === 'custom'
                    ? 'An ARM-compatible endpoint such as Azure Stack Hub: name its endpoints below.'
                    : 'National clouds have their own sign-in and endpoints.'
              }
            >
              {(aws
                ? (['aws', 'aws-us-gov'] as const)
                : (['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud', 'custom'] as const)
              ).map((c) => (
                <MenuItem key={c} value={c}>
                  {cloudLabels[c]}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              id="target-sign-in"
              select
              label="Sign-in"
              value={aws ? draft.awsSignIn : draft.azureSignIn}
              onChange={(e) =>
                aws
                  ? set('awsSignIn', e.target.value as AwsSignIn)
                  : set('azureSignIn', e.target.value as AzureSignIn)
              }
              helperText={signInHelp}
            >
              {(aws ? awsSignInOptions : azureSignInOptions).map((o) => (
                <MenuItem key={o.value} value={o.value}>
                  {o.label}
                </MenuItem>
              ))}
            </TextField>
            {aws && draft.awsSignIn === 'assume-role' ? (
              <>
                <TextField
                  id="target-role-arn"
                  label="Role ARN"
                  required
                  value={draft.roleArn}
                  onChange={(e) => set('roleArn', e.target.value)}
                  slotProps={{ htmlInput: { spellCheck: false } }}
                  {...helper('roleArn', 'The read-only role the client created from the access kit.')}
                />
                <TextField
                  id="target-external-id"
                  label="External ID"
                  value={draft.externalId}
                  onChange={(e) => set('externalId', e.target.value)}
                  slotProps={{ htmlInput: { spellCheck: false } }}
                  {...helper(
                    'externalId',
                    'Optional; the one agreed with the client for the role’s trust policy.',
                  )}
                />
              </>
            ) : null}
            {aws && (draft.awsSignIn === 'profile' || draft.awsSignIn === 'assume-role') ? (
              <TextField
                id="target-profile"
                label={draft.awsSignIn === 'profile' ? 'Profile' : 'Source profile'}
                required={draft.awsSignIn === 'profile'}
                value={draft.profile}
                onChange={(e) => set('profile', e.target.value)}
                slotProps={{ htmlInput: { spellCheck: false } }}
                {...helper(
                  'profile',
                  draft.awsSignIn === 'profile'
                    ? 'As named in ~/.aws/config.'
                    : 'Optional: your profile that assumes the role (default chain if empty).',
                )}
              />
            ) : null}
            {!aws ? (
              <TextField
                id="target-tenant"
                label="Tenant ID"
                value={draft.tenantId}
                onChange={(e) => set('tenantId', e.target.value)}
                slotProps={{ htmlInput: { spellCheck: false } }}
                {...helper('tenantId', 'The client’s Entra tenant; empty = your default tenant.')}
              />
            ) : null}
            {!aws && draft.cloud === 'custom' ? (
              <>
                <TextField
                  id="target-arm-endpoint"
                  label="ARM endpoint"
                  required
                  value={draft.armEndpoint}
                  onChange={(e) => set('armEndpoint', e.target.value)}
                  slotProps={{ htmlInput: { spellCheck: false } }}
                  {...helper(
                    'armEndpoint',
                    'https://management.<region>.<domain> (az cloud show: resourceManager).',
                  )}
                />
                <TextField
                  id="target-authority-host"
                  label="Authority host"
                  required
                  value={draft.authorityHost}
                  onChange={(e) => set('authorityHost', e.target.value)}
                  slotProps={{ htmlInput: { spellCheck: false } }}
                  {...helper(
                    'authorityHost',
                    'Entra ID or AD FS sign-in URL (az cloud show: activeDirectory).',
                  )}
                />
                <TextField
                  id="target-audience"
                  label="Token audience"
                  value={draft.audience}
                  onChange={(e) => set('audience', e.target.value)}
                  slotProps={{ htmlInput: { spellCheck: false } }}
                  {...helper(
                    'audience',
                    'Optional; Azure Stack Hub names one (az cloud show: activeDirectoryResourceId).',
                  )}
                />
              </>
            ) : null}
            {!aws && draft.azureSignIn === 'client-secret' ? (
              <TextField
                id="target-client-id"
                label="Client ID"
                required
                value={draft.clientId}
                onChange={(e) => set('clientId', e.target.value)}
                slotProps={{ htmlInput: { spellCheck: false } }}
                {...helper(
                  'clientId',
                  'The service principal’s application id. Its secret is read from AZURE_CLIENT_SECRET.',
                )}
              />
            ) : null}
            <Box sx={{ gridColumn: '1 / -1' }}>
              <ChipInput
                id="target-regions"
                label="Regions"
                value={draft.regions}
                onChange={(regions) => set('regions', regions)}
                suggestions={regionChoices}
                lowercase
                placeholder={aws ? 'us-east-1' : 'eastus'}
                error={errors.regions ?? null}
                helperText="Regions to read. Press Enter after each; pick from the list or type any region name."
              />
            </Box>
          </Box>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2.5 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained">
            {editing ? 'Save target' : 'Add target'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
