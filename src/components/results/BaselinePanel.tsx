/**
 * The starting point every mode copies: what setup ran and the tables it
 * left. Folded by default; a setup error is shown open, since every mode
 * then starts from a half-built database.
 */
import type { RunSection } from '../../engine/result';
import type { Dialect } from '../../engine/scenario';
import { plural } from '../../results/verdict';
import { DownloadDatabaseButton } from './database-download';
import { Disclosure } from './Disclosure';
import { ErrorBox } from './ModeColumn';
import { QueryLog } from './QueryLog';
import { RowsDetails, SchemaDetails } from './detail-views';
import './BaselinePanel.css';

export function BaselinePanel({ baseline, dialect, pretty }: { baseline: RunSection; dialect: Dialect; pretty: boolean }) {
  const tables = Object.values(baseline.tables);
  const rows = tables.reduce((n, t) => n + t.rows.length, 0);
  return (
    <div className="baseline" data-testid="baseline">
      {baseline.error && (
        <div className="baseline-error">
          <p className="baseline-error-title">Setup failed: every mode starts from what it left.</p>
          <ErrorBox error={baseline.error} className="baseline-error-box" />
        </div>
      )}
      <Disclosure
        className="baseline-disc"
        title="Baseline"
        meta={`setup ran ${plural(baseline.log.length, 'statement')} · ${plural(tables.length, 'table')} · ${plural(rows, 'row')}`}
      >
        {() => (
          <div className="baseline-body">
            {baseline.console.length > 0 && (
              <pre className="baseline-console" aria-label="Console output of setup">
                {baseline.console.join('\n')}
              </pre>
            )}
            {dialect === 'sqlite' && (
              <p className="baseline-download">
                <DownloadDatabaseButton stage="baseline" />
              </p>
            )}
            <div className="baseline-part">
              <h4 className="baseline-heading">Setup statements</h4>
              <QueryLog log={baseline.log} dialect={dialect} pretty={pretty} />
            </div>
            <div className="baseline-part">
              <h4 className="baseline-heading">Schema</h4>
              <SchemaDetails tables={baseline.tables} baseline={null} />
            </div>
            <div className="baseline-part">
              <h4 className="baseline-heading">Rows</h4>
              <RowsDetails tables={baseline.tables} baseline={null} />
            </div>
          </div>
        )}
      </Disclosure>
    </div>
  );
}
