import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import type { ReactNode } from 'react';

interface TableMessageRowProps {
  /** The table's number of columns: the message spans them all. */
  colSpan: number;
  /** Vertical padding in theme units; tables inside a panel use less. */
  py?: number;
  children: ReactNode;
}

/** One centred, muted line across a table body: why it has no rows (none yet, none match, unreadable). */
export function TableMessageRow({ colSpan, py = 4, children }: TableMessageRowProps) {
  return (
    <TableRow>
      <TableCell colSpan={colSpan} sx={{ py, textAlign: 'center', color: 'text.secondary' }}>
        {children}
      </TableCell>
    </TableRow>
  );
}
