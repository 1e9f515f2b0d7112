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
    <label className="examples-menu">
      <span className="examples-menu__label">Recent</span>
      <select
        data-testid="recent-menu"
        value=""
        onFocus={refresh}
        onPointerDown={refresh}
        onChange={(event) => {
          const entry = entries[Number(event.target.value)];
          if (entry) onRestore(entry);
        }}
      >
        <option value="">{entries.length === 0 ? 'Nothing yet' : `${entries.length} earlier scenario${entries.length === 1 ? '' : 's'}`}</option>
        {entries.map((entry, index) => (
          <option key={`${entry.savedAt}-${index}`} value={index}>
            {entry.title} — {when(entry.savedAt)}
          </option>
        ))}
      </select>
    </label>
  );
}
