/**
 * The one module that reads and writes the URL's hash. Edits update the
 * hash with `history.replaceState` (never `pushState`: one Back press leaves
 * the playground rather than undoing a keystroke), debounced so typing does
 * not re-encode on every key. A link pasted into the address bar
 * (`hashchange`) loads its scenario, and the run controller runs it; a link
 * that does not decode leaves the work untouched and says what was wrong.
 */
import type { ScenarioInput } from '../engine/scenario';
import type { PlaygroundStoreApi } from '../store/store';
import { sameScenario } from './autosave';
import { decodePermalink, encodePermalink, isPermalinkHash, PermalinkError } from './permalink-codec';

/** Long enough to skip keystrokes; the link is current by the time one shares it. */
export const URL_SYNC_DELAY_MS = 300;

/** The hash the page was opened with. */
export function locationHash(): string {
  return window.location.hash;
}

/** True on `?embed=1`: the compact read-only view for iframes. */
export function isEmbedView(): boolean {
  return new URLSearchParams(window.location.search).get('embed') === '1';
}

/**
 * The full link to a scenario: this page's address with its `#s=` hash
 * (from an embed, without `embed`: the link opens the whole playground).
 */
export function shareUrl(scenario: ScenarioInput): string {
  const { origin, pathname, search } = window.location;
  const params = new URLSearchParams(search);
  params.delete('embed');
  const query = params.toString();
  return origin + pathname + (query ? `?${query}` : '') + encodePermalink(scenario);
}

export interface UrlSyncOptions {
  /** Called before a pasted link replaces the scenario, to keep the work it replaces. */
  beforeReplace?(incoming: ScenarioInput): void;
}

function writeHash(scenario: ScenarioInput): void {
  const hash = encodePermalink(scenario);
  if (window.location.hash === hash) return;
  const { pathname, search } = window.location;
  history.replaceState(history.state, '', pathname + search + hash);
}

export function startUrlSync(store: PlaygroundStoreApi, options: UrlSyncOptions = {}): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    writeHash(store.getState().scenario);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.scenario === previous.scenario) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, URL_SYNC_DELAY_MS);
  });

  const onHashChange = () => {
    const hash = window.location.hash;
    // A hash without a scenario (`#`, an anchor) is not a link to open.
    if (!isPermalinkHash(hash)) return;
    const { scenario, scenarioActions, uiActions } = store.getState();
    let incoming: ScenarioInput;
    try {
      incoming = decodePermalink(hash);
    } catch (error) {
      if (!(error instanceof PermalinkError)) throw error;
      uiActions.setLinkError(error.message);
      return;
    }
    uiActions.setLinkError(null);
    // The same scenario, perhaps encoded by another tool: nothing to load or run again.
    if (sameScenario(scenario, incoming)) return;
    options.beforeReplace?.(incoming);
    scenarioActions.loadScenario(incoming, null);
  };
  window.addEventListener('hashchange', onHashChange);

  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
    if (timer !== null) clearTimeout(timer);
  };
}
