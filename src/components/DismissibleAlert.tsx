/** A message that something could not be opened, with a button to dismiss it. */
import type { ReactNode } from 'react';
import './DismissibleAlert.css';

interface DismissibleAlertProps {
  testId: string;
  onDismiss(): void;
  children: ReactNode;
}

export function DismissibleAlert({ testId, onDismiss, children }: DismissibleAlertProps) {
  return (
    <p className="dismissible-alert" role="alert" data-testid={testId}>
      <span>{children}</span>
      <button type="button" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </p>
  );
}
