/**
 * "Download .sqlite" for the baseline and each mode: the database file the
 * section ended with, as the engine worker kept it. The page supplies how
 * to fetch it (App, from the engine client); without a provider (no engine
 * to ask) the button is not shown.
 */
import { createContext, useContext, useState } from 'react';
import type { DatabaseStage } from '../../protocol/messages';
import './database-download.css';

export type DownloadDatabase = (stage: DatabaseStage) => Promise<void>;

export const DatabaseDownloadContext = createContext<DownloadDatabase | null>(null);

export function DownloadDatabaseButton({ stage }: { stage: DatabaseStage }) {
  const download = useContext(DatabaseDownloadContext);
  const [problem, setProblem] = useState<string | null>(null);
  if (!download) return null;
  const label = stage === 'baseline' ? 'the baseline' : `${stage}`;
  return (
    <>
      <button
        type="button"
        className="db-download"
        data-testid={`download-sqlite-${stage}`}
        title={`Download the SQLite database ${label} ended with (opens in the sqlite3 shell)`}
        onClick={() => {
          setProblem(null);
          download(stage).catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
        }}
      >
        ⤓ .sqlite
      </button>
      {problem && (
        <span className="db-download-problem" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
