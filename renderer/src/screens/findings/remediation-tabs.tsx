import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { OpOutput } from '../../../../src/api/contract';
import { CodeBlock } from '../../components/code-block';

type Remediation = NonNullable<OpOutput<'finding.detail'>['rule']>['remediation'];

const CODE_TABS = [
  { key: 'terraform', label: 'Terraform' },
  { key: 'cloudformation', label: 'CloudFormation' },
  { key: 'bicep', label: 'Bicep' },
  { key: 'cli', label: 'CLI' },
] as const;

/** The fix in words, then as code in each form the rule provides (Terraform, CloudFormation or Bicep, CLI). */
export function RemediationTabs({ remediation }: { remediation: Remediation }) {
  const tabs: readonly { key: keyof Remediation; label: string }[] = [
    { key: 'text', label: 'Guidance' },
    ...CODE_TABS.filter((t) => remediation[t.key] !== undefined && remediation[t.key] !== ''),
  ];
  const [tab, setTab] = useState(0);
  const current = tabs[Math.min(tab, tabs.length - 1)]!;
  const code = current.key === 'text' ? null : (remediation[current.key] ?? '');

  return (
    <Box>
      <Tabs
        value={Math.min(tab, tabs.length - 1)}
        onChange={(_e, v: number) => setTab(v)}
        aria-label="Remediation"
        sx={{ minHeight: 36, mb: 1.25, '& .MuiTab-root': { minHeight: 36, py: 0.5 } }}
      >
        {tabs.map((t) => (
          <Tab key={t.key} label={t.label} />
        ))}
      </Tabs>
      <Box role="tabpanel" aria-label={`Remediation: ${current.label}`}>
        {code === null ? (
          <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }} data-testid="remediation-text">
            {remediation.text}
          </Typography>
        ) : (
          <CodeBlock label={`${current.label} remediation`} text={code} maxHeight={320} />
        )}
      </Box>
    </Box>
  );
}
