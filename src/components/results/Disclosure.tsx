/**
 * A titled, collapsible part of a result (a native <details>). Its content
 * is built only once it is first opened: a closed "Rows after" of a
 * 100,000-row table costs nothing.
 */
import { useState, type ReactNode } from 'react';
import './Disclosure.css';

interface DisclosureProps {
  title: string;
  /** Short facts beside the title, visible while closed ("3 lost · 2 added"). */
  meta?: ReactNode;
  defaultOpen?: boolean;
  className?: string;
  children: () => ReactNode;
}

export function Disclosure({ title, meta, defaultOpen = false, className, children }: DisclosureProps) {
  const [open, setOpen] = useState(defaultOpen);
  const [opened, setOpened] = useState(defaultOpen);
  return (
    <details
      className={`disc${className ? ` ${className}` : ''}`}
      open={open}
      onToggle={(event) => {
        const now = event.currentTarget.open;
        setOpen(now);
        if (now) setOpened(true);
      }}
    >
      <summary className="disc-summary">
        <span className="disc-chevron" aria-hidden="true" />
        <span className="disc-title">{title}</span>
        {meta !== undefined && <span className="disc-meta">{meta}</span>}
      </summary>
      {/* Kept once built, so closing and reopening keeps scroll and toggles. */}
      {opened && <div className="disc-body">{children()}</div>}
    </details>
  );
}
