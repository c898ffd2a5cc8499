import { useOperation } from '../../api/hooks';
import { SectionPanel } from '../../components/section-panel';
import { RunScopeDetails } from './run-scope-details';

/**
 * The scope of the run the Findings screen shows: per target, what was assessed and what was not.
 * A short findings list must never read as a clean bill for services no collector looked at.
 */
export function RunScopePanel() {
  const scope = useOperation('scope.get', {});
  const data = scope.data;
  if (!data || data.runId === null) return null;
  return (
    <SectionPanel
      title={`Scope of run #${data.runId}: what was assessed, and what was not`}
      description={<span data-testid="scope-summary">{data.summary}</span>}
      testId="run-scope"
    >
      <RunScopeDetails scope={data} />
    </SectionPanel>
  );
}
