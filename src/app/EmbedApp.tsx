/**
 * `?embed=1`: the compact, read-only view for an iframe in documentation.
 * The scenario's title, a Run button and a link that opens the same
 * scenario in the full playground; the code folded away; the columns.
 * Nothing here edits the scenario or touches the reader's saved work
 * (main.tsx starts no autosave for an embed).
 */
import { scenarioTitle } from '../permalink/autosave';
import { RunStatus } from '../components/RunStatus';
import { usePlayground } from '../store/store-context';
import { ResultsPane } from './ResultsPane';
import './EmbedApp.css';

const CODE_FIELDS = [
  ['setup', 'Before (setup)'],
  ['models', 'Models'],
  ['after', 'After'],
] as const;

export function EmbedApp({ onRun, playgroundUrl }: { onRun(): void; playgroundUrl(): string }) {
  const scenario = usePlayground((s) => s.scenario);
  const engine = usePlayground((s) => s.engine);
  const status = usePlayground((s) => s.status);
  const elapsedMs = usePlayground((s) => s.elapsedMs);
  const failure = usePlayground((s) => s.failure);
  const loadingNote = usePlayground((s) => s.loadingNote);
  return (
    <div className="embed" data-testid="embed">
      <header className="embed__bar">
        <h1 className="embed__title">{scenarioTitle(scenario)}</h1>
        <RunStatus engine={engine} status={status} elapsedMs={elapsedMs} failure={failure} loadingNote={loadingNote} />
        <span className="embed__spacer" />
        <a className="embed__open" data-testid="open-in-playground" href={playgroundUrl()} target="_blank" rel="noopener noreferrer">
          Open in playground ↗
        </a>
        <button type="button" className="embed__run" data-testid="run-button" onClick={onRun}>
          Run
        </button>
      </header>
      <details className="embed__code">
        <summary>Code</summary>
        {CODE_FIELDS.map(([field, label]) =>
          scenario[field]?.trim() ? (
            <section key={field} className="embed__code-part" aria-label={label}>
              <h2 className="embed__code-label">{label}</h2>
              <pre className="embed__code-text">{scenario[field]}</pre>
            </section>
          ) : null,
        )}
      </details>
      <main className="embed__results">
        <ResultsPane />
      </main>
    </div>
  );
}
