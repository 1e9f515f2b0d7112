/**
 * Restores an earlier scenario from the recent list (work a link or another
 * recent scenario replaced). The list is read when the menu gets the focus,
 * so it is current without living in the store.
 */
import { useState } from 'react';
import type { RecentEntry } from '../permalink/autosave';
import './ExamplesMenu.css';

interface RecentMenuProps {
  list(): RecentEntry[];
  onRestore(entry: RecentEntry): void;
}

function when(savedAt: number): string {
  return new Date(savedAt).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function RecentMenu({ list, onRestore }: RecentMenuProps) {
  const [entries, setEntries] = useState<RecentEntry[]>(list);
  const refresh = () => setEntries(list());
  return (
    <span className="examples-menu">
      {/* The first option names the menu: a separate label would wrap the toolbar. */}
      <select
        data-testid="recent-menu"
        aria-label="Recent scenarios"
        title="Earlier scenarios kept in this browser (work a link replaced)"
        value=""
        onFocus={refresh}
        onPointerDown={refresh}
        onChange={(event) => {
          const entry = entries[Number(event.target.value)];
          if (entry) onRestore(entry);
        }}
      >
        <option value="">Recent ({entries.length})</option>
        {entries.map((entry, index) => (
          <option key={`${entry.savedAt}-${index}`} value={index}>
            {entry.title} — {when(entry.savedAt)}
          </option>
        ))}
      </select>
    </span>
  );
}
