/**
 * The schema and rows views, loaded on demand: both sit in closed
 * disclosures, and with their diffing and the virtual list they are a
 * sizeable part of the page that the first result does not need.
 */
import { lazy, Suspense, type ComponentProps } from 'react';
import type { RowsView } from './RowsView';
import type { SchemaView } from './SchemaView';

const loadSchemaView = () => import('./SchemaView');
const loadRowsView = () => import('./RowsView');

const LazySchemaView = lazy(() => loadSchemaView().then((m) => ({ default: m.SchemaView })));
const LazyRowsView = lazy(() => loadRowsView().then((m) => ({ default: m.RowsView })));

/** Fetches both views ahead of need (after the first result). */
export function preloadDetailViews(): void {
  void loadSchemaView();
  void loadRowsView();
}

const loading = <p className="disc-loading">Loading…</p>;

export function SchemaDetails(props: ComponentProps<typeof SchemaView>) {
  return (
    <Suspense fallback={loading}>
      <LazySchemaView {...props} />
    </Suspense>
  );
}

export function RowsDetails(props: ComponentProps<typeof RowsView>) {
  return (
    <Suspense fallback={loading}>
      <LazyRowsView {...props} />
    </Suspense>
  );
}
