import TablePagination from '@mui/material/TablePagination';
import { useState } from 'react';

const PAGE_SIZES = [25, 50, 100, 200];

export interface Paging {
  page: number;
  pageSize: number;
  /** The index of the page's first row, for a list call's `offset`. */
  offset: number;
  setPage(page: number): void;
  /** A new page size starts again at the first page. */
  setPageSize(pageSize: number): void;
}

/** Page and page size of a server-paged list, 50 rows a page to start with. */
export function usePaging(): Paging {
  const [page, setPage] = useState(0);
  const [pageSize, setSize] = useState(50);
  return {
    page,
    pageSize,
    offset: page * pageSize,
    setPage,
    setPageSize: (size) => {
      setSize(size);
      setPage(0);
    },
  };
}

/**
 * The footer of a server-paged table. A page past the end (the list shrank) shows as the last
 * page, so the footer never claims rows that are not there.
 */
export function TablePager({ paging, total }: { paging: Paging; total: number }) {
  const { page, pageSize } = paging;
  return (
    <TablePagination
      component="div"
      count={total}
      page={total === 0 ? 0 : Math.min(page, Math.ceil(total / pageSize) - 1)}
      rowsPerPage={pageSize}
      rowsPerPageOptions={PAGE_SIZES}
      onPageChange={(_e, p) => paging.setPage(p)}
      onRowsPerPageChange={(e) => paging.setPageSize(Number(e.target.value))}
    />
  );
}
