import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useDeferredValue, useState } from 'react';
import { useOperation } from '../api/hooks';
import { EmptyScreen } from '../components/empty-screen';
import { formatCount } from '../components/format';
import { LoadingBar } from '../components/loading-bar';
import { ScreenHeader } from '../components/screen-header';
import { TablePager, usePaging } from '../components/table-pager';
import { hrefFor } from '../shell/router';
import { useOpenWorkspace } from '../workspace/requires-workspace';
import { CoverageGaps } from './findings/coverage-gaps';
import { EvidenceDialog } from './findings/evidence-dialog';
import { FindingDetailDrawer } from './findings/finding-detail-drawer';
import { defaultFilters, FindingFilterBar, listInput, type FindingFilters } from './findings/finding-filters';
import { runIdFromHash } from './findings/findings-route';
import { FindingsTable } from './findings/findings-table';
import { ScopeBanner } from './findings/scope-banner';

export function FindingsScreen() {
  const { lastRun } = useOpenWorkspace();
  const [filters, setFilters] = useState<FindingFilters>(() =>
    defaultFilters(runIdFromHash(window.location.hash)),
  );
  const paging = usePaging();
  const [selected, setSelected] = useState<number | null>(null);
  const [evidenceId, setEvidenceId] = useState<number | null>(null);
  // Typing in the search box re-queries without waiting for each keystroke's answer.
  const query = useDeferredValue(filters.query);
  const runs = useOperation('runs.list', {});
  const list = useOperation(
    'findings.list',
    { ...listInput(filters, query), limit: paging.pageSize, offset: paging.offset },
    { enabled: lastRun !== null },
  );

  const changeFilters = (next: FindingFilters) => {
    setFilters(next);
    paging.setPage(0);
  };

  const header = (
    <ScreenHeader
      title="Findings"
      description="Rule results per resource, with severity, the Security Rule citation and the evidence behind each one. New and resolved are measured against the previous run, by rule and resource."
    />
  );
  if (lastRun === null) {
    return (
      <EmptyScreen
        header={header}
        icon={<ReportProblemOutlined />}
        title="No findings yet"
        goTo={{ href: hrefFor('assessments'), label: 'Go to Assessments' }}
      >
        <p>No assessment has run in this workspace yet.</p>
        <p>
          Run the simulated demo organisation or assess live targets from the Assessments screen; the findings
          will be listed here.
        </p>
      </EmptyScreen>
    );
  }

  const total = list.data?.total ?? 0;
  const items = list.data?.items ?? [];
  const shownRun = list.data?.runId ?? null;
  return (
    <>
      {header}
      <Stack spacing={2.5}>
        <ScopeBanner runId={shownRun ?? filters.runId} />
        <Paper variant="outlined">
          <Box sx={{ px: 2.5, pt: 2, pb: 1.5 }}>
            <FindingFilterBar value={filters} onChange={changeFilters} runs={runs.data ?? []} />
          </Box>
          <LoadingBar loading={list.loading} label="Loading findings" />
          <Stack
            direction="row"
            sx={{ px: 2.5, py: 1, borderTop: 1, borderColor: 'divider', alignItems: 'baseline' }}
          >
            <Typography variant="body2" data-testid="findings-count">
              {list.data ? `${formatCount(total)} finding${total === 1 ? '' : 's'}` : ' '}
              {shownRun !== null ? (
                <Box component="span" sx={{ color: 'text.secondary' }}>
                  {' '}
                  in run #{shownRun}
                </Box>
              ) : null}
            </Typography>
          </Stack>
          <FindingsTable
            items={items}
            selectedId={selected}
            onOpen={setSelected}
            showResult={filters.status !== 'fail'}
            empty={
              list.error
                ? 'The findings could not be read.'
                : shownRun === null && list.data
                  ? 'No completed run has findings yet.'
                  : 'No finding matches these filters.'
            }
          />
          <TablePager paging={paging} total={total} />
        </Paper>
        <CoverageGaps runId={shownRun ?? filters.runId} onOpenEvidence={setEvidenceId} />
      </Stack>
      <FindingDetailDrawer id={selected} onClose={() => setSelected(null)} onOpenEvidence={setEvidenceId} />
      {evidenceId !== null ? <EvidenceDialog id={evidenceId} onClose={() => setEvidenceId(null)} /> : null}
    </>
  );
}
