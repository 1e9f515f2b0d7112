/**
 * Monaco's colours follow the system, as theme.css does: 'vs' or 'vs-dark',
 * with the editor's background and a few chrome colours taken from the
 * app's CSS variables so the editor sits flush in its pane.
 */
import type { editor } from 'monaco-editor/editor/editor.api';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** theme.css variable for each Monaco colour. */
const FROM_VARIABLES: Readonly<Record<string, string>> = {
  'editor.background': '--bg',
  'editorGutter.background': '--bg',
  'editorLineNumber.foreground': '--text-muted',
  'editorLineNumber.activeForeground': '--text',
  'editorWidget.background': '--bg-raised',
  'editorWidget.border': '--border',
  'editorHoverWidget.background': '--bg-raised',
  'editorHoverWidget.border': '--border',
  'editorSuggestWidget.background': '--bg-raised',
  'editorSuggestWidget.border': '--border',
  focusBorder: '--focus',
};

/** A `#rrggbb` value of a CSS variable, or nothing (Monaco accepts only hex colours). */
function hexVariable(styles: CSSStyleDeclaration, name: string): string | undefined {
  const value = styles.getPropertyValue(name).trim();
  return /^#[0-9a-f]{6}([0-9a-f]{2})?$/i.test(value) ? value : undefined;
}

function themeData(dark: boolean): editor.IStandaloneThemeData {
  const styles = getComputedStyle(document.documentElement);
  const colors: Record<string, string> = {};
  for (const [key, variable] of Object.entries(FROM_VARIABLES)) {
    const value = hexVariable(styles, variable);
    if (value) colors[key] = value;
  }
  return { base: dark ? 'vs-dark' : 'vs', inherit: true, rules: [], colors };
}

/** Applies the theme for the current scheme and follows changes; returns the unsubscribe. */
export function followColorScheme(monacoEditor: typeof editor): () => void {
  const media = window.matchMedia(DARK_QUERY);
  const apply = () => {
    const name = media.matches ? 'playground-dark' : 'playground-light';
    monacoEditor.defineTheme(name, themeData(media.matches));
    monacoEditor.setTheme(name);
  };
  apply();
  media.addEventListener('change', apply);
  return () => media.removeEventListener('change', apply);
}

/** The font theme.css gives code (`--font-code`), for Monaco's measurements. */
export function codeFontFamily(): string | undefined {
  return getComputedStyle(document.documentElement).getPropertyValue('--font-code').trim() || undefined;
}
