import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useAction } from '../api/hooks';
import { ScreenHeader } from '../components/screen-header';
import { ExportPanel } from './export/export-panel';
import { ExportsTable } from './export/exports-table';
import type { PackageVerification } from './export/package-verification';
import { VerifyPanel } from './export/verify-panel';

export function ExportScreen() {
  const [verifyPath, setVerifyPath] = useState('');
  const [verification, setVerification] = useState<{ result: PackageVerification; checkedAt: string } | null>(
    null,
  );
  const verify = useAction('package.verify', { invalidates: false });

  const runVerify = async (path: string) => {
    setVerifyPath(path);
    setVerification(null);
    const result = await verify.run({ path });
    if (result.ok) setVerification({ result: result.value, checkedAt: new Date().toISOString() });
  };

  return (
    <>
      <ScreenHeader
        title="Export"
        description="Signed audit packages for OCR, and their verification. Every package is a folder and a .zip that a reviewer can check with this app, phi-audit verify, openssl cms and pdfsig."
      />
      <Stack spacing={2.5}>
        <ExportPanel onVerify={(path) => void runVerify(path)} />
        <ExportsTable onVerify={(path) => void runVerify(path)} />
        <VerifyPanel
          path={verifyPath}
          onPathChange={setVerifyPath}
          onVerify={(path) => void runVerify(path)}
          pending={verify.pending}
          verification={verification}
        />
      </Stack>
    </>
  );
}
