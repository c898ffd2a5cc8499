import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Snackbar from '@mui/material/Snackbar';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ApiError, ErrorCode } from '../../../src/api/contract';

interface ErrorReport {
  id: number;
  title: string;
  message: string;
}

type ReportError = (error: ApiError | Error | string) => void;

const ErrorDisplayContext = createContext<ReportError | null>(null);

const TITLES: Record<ErrorCode, string> = {
  VALIDATION: 'Check the input',
  NOT_FOUND: 'Not found',
  NO_WORKSPACE: 'No engagement is open',
  WORKSPACE_REFUSED: 'Workspace refused',
  WORKSPACE_IN_USE: 'Workspace in use',
  CONFLICT: 'Not possible right now',
  BAD_INPUT: 'Check the input',
  ACCESS_DENIED: 'Access denied',
  READ_ONLY_VIOLATION: 'Refused: not a read-only call',
  CANCELLED: 'Cancelled',
  SIGNING: 'Signing failed',
  INTERNAL: 'Something went wrong',
};

function toReport(error: ApiError | Error | string, id: number): ErrorReport {
  if (typeof error === 'string') return { id, title: TITLES.INTERNAL, message: error };
  if (error instanceof Error) return { id, title: 'Unexpected error in the app', message: error.message };
  return { id, title: TITLES[error.code] ?? TITLES.INTERNAL, message: error.message };
}

/**
 * The one place errors reach the user: every failed API result (unless a form shows it inline)
 * and anything thrown or rejected that nothing else handled. Errors queue; one shows at a time.
 */
export function ErrorDisplayProvider({ children }: { children: ReactNode }) {
  const [queue, setQueue] = useState<ErrorReport[]>([]);
  const [open, setOpen] = useState(true);

  const report = useCallback<ReportError>((error) => {
    setQueue((q) => [...q, toReport(error, Date.now() + Math.random())]);
    setOpen(true);
  }, []);

  useEffect(() => {
    const onRejection = (e: PromiseRejectionEvent) => {
      report(e.reason instanceof Error ? e.reason : String(e.reason));
    };
    const onError = (e: ErrorEvent) => {
      report(e.error instanceof Error ? e.error : e.message);
    };
    window.addEventListener('unhandledrejection', onRejection);
    window.addEventListener('error', onError);
    return () => {
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onError);
    };
  }, [report]);

  const current = queue[0];
  const dismiss = () => setOpen(false);

  return (
    <ErrorDisplayContext.Provider value={report}>
      {children}
      <Snackbar
        key={current?.id}
        open={open && current !== undefined}
        autoHideDuration={12_000}
        onClose={(_e, reason) => {
          if (reason !== 'clickaway') dismiss();
        }}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
        slotProps={{
          transition: {
            onExited: () => {
              setQueue((q) => q.slice(1));
              setOpen(true);
            },
          },
        }}
      >
        {current ? (
          <Alert
            severity="error"
            variant="filled"
            onClose={dismiss}
            sx={{ minWidth: 360, maxWidth: 640 }}
            data-testid="error-display"
          >
            <AlertTitle>
              {current.title}
              {queue.length > 1 ? ` (${queue.length - 1} more)` : ''}
            </AlertTitle>
            {current.message}
          </Alert>
        ) : undefined}
      </Snackbar>
    </ErrorDisplayContext.Provider>
  );
}

export function useReportError(): ReportError {
  const report = useContext(ErrorDisplayContext);
  if (!report) throw new Error('useReportError must be used inside <ErrorDisplayProvider>.');
  return report;
}
