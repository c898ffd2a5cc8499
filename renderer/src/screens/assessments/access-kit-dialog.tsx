import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useDeferredValue, useState } from 'react';
import type { OpOutput } from '../../../../src/api/contract';
import { useOperation } from '../../api/hooks';
import { CodeBlock } from '../../components/code-block';
import { LoadingBar } from '../../components/loading-bar';

type Kit = OpOutput<'accessKit.get'>;

const DOCUMENTS: readonly { key: keyof Kit; tab: string; label: string; help: string }[] = [
  {
    key: 'awsIamPolicy',
    tab: 'AWS IAM policy',
    label: 'AWS IAM policy',
    help: 'Attach to the role or user the assessment signs in with. It allows exactly the read-only calls the collectors make, and no data-plane read (no GetObject, no Decrypt).',
  },
  {
    key: 'awsCloudFormation',
    tab: 'AWS CloudFormation role',
    label: 'AWS CloudFormation template',
    help: 'A stack the client deploys in each account: a cross-account read-only role that trusts the principal above, with the policy inline.',
  },
  {
    key: 'azureCustomRole',
    tab: 'Azure custom role',
    label: 'Azure custom role definition',
    help: 'Create with `az role definition create --role-definition @role.json`, set its assignable scopes to the client’s subscriptions, and assign it to your account or service principal.',
  },
];

/**
 * What a client must grant before a live run, generated from the same operation lists the
 * read-only guards enforce, so the kit never asks for more than the app can call.
 */
export function AccessKitDialog({ onClose }: { onClose(): void }) {
  const [principal, setPrincipal] = useState('');
  const [externalId, setExternalId] = useState('');
  const [tab, setTab] = useState(0);
  const input = useDeferredValue({
    ...(principal.trim() ? { trustedPrincipalArn: principal.trim() } : {}),
    ...(externalId.trim() ? { externalId: externalId.trim() } : {}),
  });
  const kit = useOperation('accessKit.get', input);
  const doc = DOCUMENTS[tab]!;

  return (
    <Dialog open onClose={onClose} aria-labelledby="access-kit-title" maxWidth="lg">
      <DialogTitle id="access-kit-title">Access request kit</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
          Send these to the client’s cloud administrators. They grant read-only access to configuration, never
          to stored data, and list exactly the operations this version of PHI Audit Desk calls.
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: 2, mb: 1 }}>
          <TextField
            id="kit-principal"
            label="Trusted principal ARN (AWS)"
            placeholder="arn:aws:iam::111122223333:root"
            value={principal}
            onChange={(e) => setPrincipal(e.target.value)}
            slotProps={{ htmlInput: { spellCheck: false, maxLength: 300 } }}
            helperText="Your account or role that will assume the client’s audit role. The template uses a placeholder until you fill this in."
          />
          <TextField
            id="kit-external-id"
            label="External ID (AWS)"
            value={externalId}
            onChange={(e) => setExternalId(e.target.value)}
            slotProps={{ htmlInput: { spellCheck: false, maxLength: 300 } }}
            placeholder={kit.data?.externalIdSource === 'engagement' ? kit.data.externalId : undefined}
            helperText="The role’s trust policy requires it. Empty: this engagement’s own, which its assume-role targets send."
          />
        </Box>
        {kit.data ? (
          <Typography variant="body2" sx={{ mb: 1.5 }} data-testid="access-kit-external-id">
            The CloudFormation role requires ExternalId{' '}
            <Box component="code" sx={{ fontFamily: 'monospace' }}>
              {kit.data.externalId}
            </Box>
            {kit.data.externalIdSource === 'engagement'
              ? ' (this engagement’s). Send it to the client with the template.'
              : '.'}
          </Typography>
        ) : null}
        <Tabs
          value={tab}
          onChange={(_e, v: number) => setTab(v)}
          aria-label="Access kit documents"
          sx={{ borderBottom: 1, borderColor: 'divider', mb: 1.5 }}
        >
          {DOCUMENTS.map((d) => (
            <Tab key={d.key} label={d.tab} />
          ))}
        </Tabs>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1.5 }}>
          {doc.help}
        </Typography>
        <LoadingBar loading={kit.loading} label="Generating the access kit" />
        {kit.data ? (
          <CodeBlock
            label={doc.label}
            text={kit.data[doc.key]}
            maxHeight={380}
            testId="access-kit-document"
          />
        ) : null}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2.5 }}>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
