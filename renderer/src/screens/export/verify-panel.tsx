import GppGoodOutlined from '@mui/icons-material/GppGoodOutlined';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import { useState, type FormEvent } from 'react';
import { useDesk } from '../../api/hooks';
import { PathField } from '../../components/path-field';
import { SectionPanel } from '../../components/section-panel';
import { PackageVerificationReport, type PackageVerification } from './package-verification';

interface VerifyPanelProps {
  path: string;
  onPathChange(path: string): void;
  onVerify(path: string): void;
  pending: boolean;
  verification: { result: PackageVerification; checkedAt: string } | null;
}

/** package.verify on any package: this workspace's, or one someone else sent. */
export function VerifyPanel({ path, onPathChange, onVerify, pending, verification }: VerifyPanelProps) {
  const desk = useDesk();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim()) onVerify(path.trim());
  };
  const [browsing, setBrowsing] = useState(false);
  const browse = async () => {
    setBrowsing(true);
    const chosen = await desk.dialogs?.chooseFolder('Audit package folder to verify');
    setBrowsing(false);
    if (chosen) {
      onPathChange(chosen);
      onVerify(chosen);
    }
  };

  return (
    <SectionPanel
      title="Verify a package"
      description="Checks every file against manifest.json and both signatures, as a reviewer at OCR would. The same checks as phi-audit verify; openssl cms and pdfsig agree with them."
    >
      <form noValidate aria-label="Verify a package" onSubmit={submit}>
        <PathField
          id="verify-path"
          label="Package folder or .zip"
          placeholder="/home/you/engagements/client-2025-audit-package.zip"
          value={path}
          onChange={(e) => onPathChange(e.target.value)}
          slotProps={{ htmlInput: { spellCheck: false } }}
          helperText="An absolute path."
          actions={
            <Button
              type="submit"
              variant="contained"
              disabled={pending || !path.trim()}
              startIcon={pending ? <CircularProgress size={16} color="inherit" /> : <GppGoodOutlined />}
              sx={{ flexShrink: 0, height: 40 }}
            >
              Verify
            </Button>
          }
          onBrowse={() => void browse()}
          browseDisabled={browsing}
        />
      </form>
      {verification ? (
        <PackageVerificationReport
          key={verification.checkedAt}
          result={verification.result}
          checkedAt={verification.checkedAt}
        />
      ) : null}
    </SectionPanel>
  );
}
