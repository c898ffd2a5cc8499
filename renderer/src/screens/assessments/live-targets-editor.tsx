import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useOperation } from '../../api/hooks';
import { monospaceFont } from '../../theme/theme';
import { useOpenWorkspace } from '../../workspace/requires-workspace';
import { regionProvider } from '../engagement/region-suggestions';
import {
  cloudLabels,
  describeSignIn,
  newTargetDraft,
  toTargetInput,
  type AwsSignIn,
  type AzureSignIn,
  type TargetDraft,
} from './target-draft';
import { TargetDialog } from './target-dialog';

interface LiveTargetsEditorProps {
  targets: TargetDraft[];
  onChange(targets: TargetDraft[]): void;
}

const awsMethods: readonly string[] = ['profile', 'assume-role', 'env', 'default'];
const azureMethods: readonly string[] = ['azure-cli', 'device-code', 'client-secret', 'default'];

/** A target this workspace already assessed, back in the form (simulated ones have nothing to reuse). */
function draftFromSaved(t: {
  provider: 'aws' | 'azure';
  label: string;
  cloud: string;
  scopeId: string;
  regions: string[];
  auth: Record<string, string>;
}): TargetDraft | null {
  const method = t.auth.method ?? '';
  if (
    t.provider === 'aws' &&
    awsMethods.includes(method) &&
    (t.cloud === 'aws' || t.cloud === 'aws-us-gov')
  ) {
    return {
      ...newTargetDraft('aws'),
      label: t.label,
      scopeId: t.scopeId,
      cloud: t.cloud,
      regions: t.regions,
      awsSignIn: method as AwsSignIn,
      profile: t.auth.profile ?? '',
      roleArn: t.auth.roleArn ?? '',
      externalId: t.auth.externalId ?? '',
    };
  }
  if (
    t.provider === 'azure' &&
    azureMethods.includes(method) &&
    (t.cloud === 'AzureCloud' ||
      t.cloud === 'AzureUSGovernment' ||
      t.cloud === 'AzureChinaCloud' ||
      t.cloud === 'custom')
  ) {
    return {
      ...newTargetDraft('azure'),
      label: t.label,
      scopeId: t.scopeId,
      cloud: t.cloud,
      regions: t.regions,
      azureSignIn: method as AzureSignIn,
      tenantId: t.auth.tenantId ?? '',
      clientId: t.auth.clientId ?? '',
      armEndpoint: t.auth.armEndpoint ?? '',
      authorityHost: t.auth.authorityHost ?? '',
      audience: t.auth.audience ?? '',
    };
  }
  return null;
}

/** The AWS accounts and Azure subscriptions a live run reads, edited in a dialog one at a time. */
export function LiveTargetsEditor({ targets, onChange }: LiveTargetsEditorProps) {
  const { engagement } = useOpenWorkspace();
  const saved = useOperation('targets.list', {});
  const [editing, setEditing] = useState<{ index: number | null; draft: TargetDraft } | null>(null);

  const reusable = (saved.data ?? []).map(draftFromSaved).filter((d): d is TargetDraft => d !== null);
  const add = (provider: 'aws' | 'azure') => {
    // Start from the engagement's approved regions of that cloud: usually exactly the scope.
    const regions = engagement.approvedRegions.filter(
      (r) => (regionProvider(r) === 'AWS') === (provider === 'aws'),
    );
    setEditing({ index: null, draft: { ...newTargetDraft(provider), regions } });
  };
  const save = (draft: TargetDraft) => {
    if (!editing) return;
    onChange(
      editing.index === null ? [...targets, draft] : targets.map((t, i) => (i === editing.index ? draft : t)),
    );
    setEditing(null);
  };

  return (
    <Stack spacing={1.5}>
      {targets.length > 0 ? (
        <Stack component="ul" aria-label="Live targets" spacing={1} sx={{ m: 0, p: 0, listStyle: 'none' }}>
          {targets.map((t, i) => {
            const input = toTargetInput(t);
            return (
              <Box
                component="li"
                key={`${t.provider}:${t.scopeId}:${i}`}
                data-testid="live-target"
                sx={{
                  border: 1,
                  borderColor: 'divider',
                  borderRadius: 1,
                  px: 1.5,
                  py: 1,
                  display: 'flex',
                  gap: 1,
                  alignItems: 'flex-start',
                }}
              >
                <Box sx={{ flex: 1, minWidth: 0 }}>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <Typography variant="body2" noWrap title={t.label} sx={{ fontWeight: 600 }}>
                      {t.label}
                    </Typography>
                    <Chip label={cloudLabels[t.cloud]} variant="outlined" />
                  </Stack>
                  <Typography
                    variant="body2"
                    sx={{ fontFamily: monospaceFont, fontSize: '0.78rem', overflowWrap: 'anywhere' }}
                  >
                    {t.scopeId}
                  </Typography>
                  <Typography
                    variant="caption"
                    component="p"
                    sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}
                  >
                    {describeSignIn(input.auth)} · {t.regions.join(', ')}
                  </Typography>
                </Box>
                <IconButton
                  size="small"
                  aria-label={`Edit ${t.label}`}
                  onClick={() => setEditing({ index: i, draft: t })}
                >
                  <EditOutlined fontSize="small" />
                </IconButton>
                <IconButton
                  size="small"
                  aria-label={`Remove ${t.label}`}
                  onClick={() => onChange(targets.filter((_, j) => j !== i))}
                >
                  <DeleteOutlined fontSize="small" />
                </IconButton>
              </Box>
            );
          })}
        </Stack>
      ) : (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          No targets yet. Add the client’s AWS accounts and Azure subscriptions; the run signs in with your
          own read-only credentials.
        </Typography>
      )}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button variant="outlined" size="small" startIcon={<AddOutlined />} onClick={() => add('aws')}>
          Add AWS account
        </Button>
        <Button variant="outlined" size="small" startIcon={<AddOutlined />} onClick={() => add('azure')}>
          Add Azure subscription
        </Button>
        {targets.length === 0 && reusable.length > 0 ? (
          <Button size="small" startIcon={<HistoryOutlined />} onClick={() => onChange(reusable)}>
            Use the {reusable.length === 1 ? 'live target' : `${reusable.length} live targets`} of earlier
            runs
          </Button>
        ) : null}
      </Box>
      {editing ? (
        <TargetDialog
          initial={editing.draft}
          editing={editing.index !== null}
          onSave={save}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
