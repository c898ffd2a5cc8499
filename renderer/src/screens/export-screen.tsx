import Inventory2Outlined from '@mui/icons-material/Inventory2Outlined';
import { CommandHint } from '../components/command-hint';
import { EmptyState } from '../components/empty-state';
import { formatCount } from '../components/format';
import { ScreenHeader } from '../components/screen-header';
import { useOpenWorkspace } from '../workspace/requires-workspace';

export function ExportScreen() {
  const { counts, lastRun } = useOpenWorkspace();
  return (
    <>
      <ScreenHeader
        title="Export"
        description="Signed audit packages for OCR: the report as PDF (with an embedded signature) and DOCX, the evidence index and raw evidence, PHI-flow diagrams, and a manifest with the SHA-256 of every file under a detached signature."
      />
      {lastRun === null ? (
        <EmptyState icon={<Inventory2Outlined />} title="Nothing to export yet">
          <p>
            A package documents assessment results, and no assessment has run in this workspace yet. Run{' '}
            <CommandHint>phi-audit demo</CommandHint> or <CommandHint>phi-audit assess</CommandHint> first.
          </p>
        </EmptyState>
      ) : (
        <EmptyState icon={<Inventory2Outlined />} title={`${formatCount(counts.exports)} package${counts.exports === 1 ? '' : 's'} exported from this workspace`}>
          <p>Exporting and verifying packages from the app is not available in this version yet.</p>
        </EmptyState>
      )}
    </>
  );
}
