import CloseOutlined from '@mui/icons-material/CloseOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useOperation } from '../../api/hooks';
import { CodeBlock } from '../../components/code-block';
import { DefinitionList } from '../../components/definition-list';
import { formatShortDateTime, shortHash } from '../../components/format';
import { LoadingBar } from '../../components/loading-bar';
import { SeverityChip, severityLabel } from '../../components/severity-chip';
import { monospaceFont } from '../../theme/theme';
import { ChangeBadge, PhiBadge, ResultBadge, triageStatusLabel } from './finding-badges';
import { RemediationTabs } from './remediation-tabs';
import { TriageSection } from './triage-section';

const DRAWER_WIDTH = 820;
const mono = { fontFamily: monospaceFont, fontSize: '0.78rem' } as const;

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      <Typography
        variant="overline"
        component="h3"
        sx={{ color: 'text.secondary', display: 'block', mb: 0.75 }}
      >
        {title}
      </Typography>
      {children}
    </Box>
  );
}

interface FindingDetailDrawerProps {
  id: number | null;
  onClose(): void;
  onOpenEvidence(id: number): void;
}

/** finding.detail beside the table: what failed, why it matters under the Security Rule, how to fix it, and the evidence. */
export function FindingDetailDrawer({ id, onClose, onOpenEvidence }: FindingDetailDrawerProps) {
  const detail = useOperation('finding.detail', { id: id ?? 0 }, { enabled: id !== null });
  const d = id !== null && detail.data?.finding.id === id ? detail.data : undefined;
  const f = d?.finding;

  return (
    <Drawer
      anchor="right"
      open={id !== null}
      onClose={onClose}
      // Above the app bar (which sits above the navigation drawer): a modal covers the whole window.
      // The evidence dialog opened from it comes later in the document, so it stays on top.
      sx={{ zIndex: (theme) => theme.zIndex.modal }}
      slotProps={{
        paper: {
          sx: { width: DRAWER_WIDTH, maxWidth: '100vw', overflow: 'hidden' },
          'aria-labelledby': 'finding-detail-title',
          role: 'dialog',
        },
      }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', px: 3, pt: 2.5, pb: 1.5 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="overline" sx={{ color: 'text.secondary' }}>
            Finding{f ? ` #${f.id}` : ''}
          </Typography>
          <Typography id="finding-detail-title" variant="h6" component="h2">
            {f?.ruleTitle ?? 'Loading…'}
          </Typography>
          {f ? (
            <Stack
              direction="row"
              spacing={0.75}
              useFlexGap
              sx={{ mt: 1, flexWrap: 'wrap', alignItems: 'center' }}
            >
              <SeverityChip severity={f.severity} />
              <ResultBadge status={f.status} />
              {f.phi ? <PhiBadge /> : null}
              <ChangeBadge change={f.change} />
              {f.triageStatus ? (
                <Chip
                  label={`Triage: ${triageStatusLabel(f.triageStatus)}${f.triageOwner ? ` · ${f.triageOwner}` : ''}`}
                  variant="outlined"
                />
              ) : null}
            </Stack>
          ) : null}
        </Box>
        <IconButton aria-label="Close finding details" onClick={onClose}>
          <CloseOutlined />
        </IconButton>
      </Stack>
      <Divider />
      <LoadingBar loading={detail.loading} label="Loading finding" />
      {d && f ? (
        <Stack
          spacing={3}
          sx={{ px: 3, pt: 1.5, pb: 4, flex: 1, minHeight: 0, overflowY: 'auto' }}
          data-testid="finding-detail"
        >
          <Part title="What was found">
            <Typography variant="body2">{f.detail}</Typography>
          </Part>
          <Part title="Triage">
            <TriageSection key={f.key} findingKey={f.key} />
          </Part>
          <Part title="Resource">
            <DefinitionList
              labelWidth={130}
              items={[
                { label: 'Name', value: f.resourceName },
                {
                  label: 'Identifier',
                  value: (
                    <Box component="span" sx={mono}>
                      {f.nativeId}
                    </Box>
                  ),
                },
                {
                  label: 'Type',
                  value: (
                    <Box component="span" sx={mono}>
                      {f.resourceType ?? '—'}
                    </Box>
                  ),
                },
                {
                  label: f.provider === 'azure' ? 'Subscription' : 'Account',
                  value: (
                    <Box component="span" sx={mono}>
                      {f.scopeId ?? '—'}
                    </Box>
                  ),
                },
                {
                  label: 'Region',
                  value: (
                    <Box component="span" sx={mono}>
                      {f.region ?? '—'}
                    </Box>
                  ),
                },
                {
                  label: 'Rule',
                  value: (
                    <Box component="span" sx={mono}>
                      {f.ruleId}
                    </Box>
                  ),
                },
              ]}
            />
          </Part>
          {d.rule ? (
            <>
              <Part title="HIPAA Security Rule citations">
                <Stack
                  component="ul"
                  spacing={0.5}
                  sx={{ m: 0, pl: 0, listStyle: 'none' }}
                  data-testid="finding-citations"
                >
                  {d.rule.citations.map((c) => (
                    <Typography component="li" variant="body2" key={c.citation}>
                      <Box component="span" sx={{ ...mono, fontWeight: 600, mr: 1 }}>
                        45 CFR {c.citation}
                      </Box>
                      {c.title}
                    </Typography>
                  ))}
                </Stack>
              </Part>
              <Part title="Why it matters">
                <Typography variant="body2" sx={{ mb: 1 }}>
                  <Box component="span" sx={{ color: 'text.secondary' }}>
                    Failure pattern:{' '}
                  </Box>
                  {d.rule.failurePattern}
                </Typography>
                <Typography variant="body2">{d.rule.rationale}</Typography>
                {d.rule.severity !== f.severity ? (
                  <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mt: 1 }}>
                    The rule’s base severity is {severityLabel(d.rule.severity).toLowerCase()}; this finding
                    is rated {severityLabel(f.severity).toLowerCase()}
                    {f.phi ? ' because the resource holds PHI' : ''}.
                  </Typography>
                ) : null}
              </Part>
              <Part title="Remediation">
                <RemediationTabs remediation={d.rule.remediation} />
              </Part>
            </>
          ) : (
            <Part title="Rule">
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                Rule {f.ruleId} is not in this version’s ruleset, so its rationale and remediation cannot be
                shown. Re-evaluate the run to judge it with the current rules.
              </Typography>
            </Part>
          )}
          <Part title={`Evidence (${d.evidence.length})`}>
            {d.evidence.length === 0 ? (
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                No evidence is linked to this finding.
              </Typography>
            ) : (
              <Table aria-label="Evidence of this finding">
                <TableHead>
                  <TableRow>
                    <TableCell align="right">#</TableCell>
                    <TableCell>Call</TableCell>
                    <TableCell>Region</TableCell>
                    <TableCell>Outcome</TableCell>
                    <TableCell>SHA-256</TableCell>
                    <TableCell>Collected</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {d.evidence.map((e) => (
                    <TableRow key={e.id} hover>
                      <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                        {e.id}
                      </TableCell>
                      <TableCell>
                        <Link
                          component="button"
                          type="button"
                          variant="body2"
                          onClick={() => onOpenEvidence(e.id)}
                          sx={{ textAlign: 'left', whiteSpace: 'nowrap' }}
                        >
                          {e.service} {e.operation}
                        </Link>
                      </TableCell>
                      <TableCell sx={{ ...mono, whiteSpace: 'nowrap' }}>{e.region}</TableCell>
                      <TableCell sx={{ color: e.outcome === 'ok' ? undefined : 'warning.main' }}>
                        {e.outcome === 'ok' ? 'Answered' : e.outcome}
                      </TableCell>
                      <TableCell sx={{ ...mono, whiteSpace: 'nowrap' }} title={e.sha256}>
                        {shortHash(e.sha256)}
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        {formatShortDateTime(e.collectedAt)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Part>
          {d.tags && Object.keys(d.tags).length > 0 ? (
            <Part title="Tags">
              <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: 'wrap' }}>
                {Object.entries(d.tags).map(([k, v]) => (
                  <Chip key={k} label={`${k}=${v}`} variant="outlined" sx={mono} />
                ))}
              </Stack>
            </Part>
          ) : null}
          {d.properties ? (
            <Part title="Resource properties (as collected)">
              <CodeBlock
                label="Resource properties"
                text={JSON.stringify(d.properties, null, 2)}
                maxHeight={320}
              />
            </Part>
          ) : null}
        </Stack>
      ) : null}
    </Drawer>
  );
}
