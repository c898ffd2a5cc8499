import Button from '@mui/material/Button';
import type { ReactNode } from 'react';
import { EmptyState } from './empty-state';

interface EmptyScreenProps {
  /** The screen's own header, the same as when it has data. */
  header: ReactNode;
  icon: ReactNode;
  title: string;
  /** The screen where the user can supply what is missing, as a button. */
  goTo: { href: string; label: string };
  /** Why there is nothing, in a paragraph or two. */
  children: ReactNode;
}

/** A whole screen with nothing to show yet: its header, why, and a button to where that changes. */
export function EmptyScreen({ header, icon, title, goTo, children }: EmptyScreenProps) {
  return (
    <>
      {header}
      <EmptyState
        icon={icon}
        title={title}
        actions={
          <Button variant="contained" href={goTo.href}>
            {goTo.label}
          </Button>
        }
      >
        {children}
      </EmptyState>
    </>
  );
}
