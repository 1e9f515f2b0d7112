/**
 * Monaco as the playground uses it: the editor API with the features a code
 * field needs and the TypeScript language, not `editor.main` with every
 * language. This module is the lazily loaded chunk's entry; importing it
 * configures Monaco once.
 */
import './monaco-workers';
import * as monaco from 'monaco-editor/editor/editor.api';
// Editing features (each registers itself); see editor.main.js for the full list.
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/parameterHints/register';
import 'monaco-editor/features/quickCommand/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/rename/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
// features/suggest registers suggestions as inline completions only; the
// suggest widget is its own contribution (editor.main.js imports it apart).
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
// TypeScript: the tokenizer, then the language service in its worker.
import 'monaco-editor/languages/definitions/typescript/register';
import { typescriptDefaults, type ScriptTarget } from 'monaco-editor/languages/features/typescript/register';
import { loadSequelizeTypes, majorOf } from './sequelize-types';

export { monaco };

/**
 * TypeScript's enum values that Monaco's copies of the enums lack
 * (typescript/src/compiler/types.ts).
 */
const ES2022 = 9 as ScriptTarget;
const MODULE_ESNEXT = 99;
const NODE10_RESOLUTION = 2;
const MODULE_DETECTION_FORCE = 3;

/**
 * Diagnostics a code field triggers only because it is a function body
 * shown as a file: 1108, "A 'return' statement can only be used within a
 * function body".
 */
const FUNCTION_BODY_DIAGNOSTICS = [1108];

typescriptDefaults.setCompilerOptions({
  target: ES2022,
  module: MODULE_ESNEXT,
  moduleResolution: NODE10_RESOLUTION,
  // Every field is its own module: `const User` in Before and in After do
  // not clash, and top-level `await` is valid, as in the function body.
  moduleDetection: MODULE_DETECTION_FORCE,
  lib: ['lib.es2022.d.ts'],
  allowJs: false,
  checkJs: false,
  strict: false,
  noImplicitAny: false,
  allowNonTsExtensions: true,
  esModuleInterop: true,
});
typescriptDefaults.setDiagnosticsOptions({
  noSemanticValidation: false,
  noSyntaxValidation: false,
  diagnosticCodesToIgnore: FUNCTION_BODY_DIAGNOSTICS,
});
// The three models exist before the language service starts: sync them at once.
typescriptDefaults.setEagerModelSync(true);

/** Types come per major version: `"6"`, `"6.5.1"` and `"6.37.8"` share one set. */
let wantedMajor: string | null = null;
let appliedMajor: string | null = null;

/** Whether the language service already has this version's types (no load to wait for). */
export function hasSequelizeTypes(version: string): boolean {
  return appliedMajor === majorOf(version);
}

/**
 * Gives the language service a Sequelize version's types (and the scope
 * names typed from them), replacing the other version's; the latest version
 * asked for wins.
 */
export async function applySequelizeTypes(version: string): Promise<void> {
  const major = majorOf(version);
  wantedMajor = major;
  if (appliedMajor === major) return;
  const libs = await loadSequelizeTypes(version);
  if (wantedMajor !== major || appliedMajor === major) return;
  typescriptDefaults.setExtraLibs([...libs]);
  appliedMajor = major;
}
