import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ReactNode } from 'react';
import { LoadingBar } from './loading-bar';

interface DataTableProps {
  /** The table's accessible name. */
  label: string;
  loading: boolean;
  /** The loading bar's accessible name. */
  loadingLabel: string;
  /** The header row's cells. */
  head: ReactNode;
  /** The body's rows. */
  children: ReactNode;
}

/** A table of rows read from the server, under the bar that shows while they load or reload. */
export function DataTable({ label, loading, loadingLabel, head, children }: DataTableProps) {
  return (
    <>
      <LoadingBar loading={loading} label={loadingLabel} />
      <TableContainer>
        <Table aria-label={label}>
          <TableHead>
            <TableRow>{head}</TableRow>
          </TableHead>
          <TableBody>{children}</TableBody>
        </Table>
      </TableContainer>
    </>
  );
}
