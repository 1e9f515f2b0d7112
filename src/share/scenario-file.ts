/**
 * Scenario files: what "Download .json" writes and what "Open .json" (or a
 * file dropped on the page) reads. Pure: the components hand in text and
 * get back a scenario or the message to show. A file is untrusted input and
 * goes through parseScenarioJson like a permalink does.
 */
import { parseScenarioJson, ScenarioError, type ScenarioInput } from '../engine/scenario';
import { scenarioTitle } from '../permalink/autosave';

/** Larger than any scenario a person writes; a bigger file is not one. */
export const MAX_SCENARIO_FILE_BYTES = 5 * 1024 * 1024;

export type ScenarioFileRead = { ok: true; scenario: ScenarioInput } | { ok: false; message: string };

/** The scenario as a downloadable file's text: pretty JSON ending in a newline. */
export function scenarioFileText(scenario: ScenarioInput): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

/** A file name from the scenario's title (or its models): lower-case words joined by dashes. */
export function scenarioFileName(scenario: ScenarioInput, suffix = '.json'): string {
  const slug = scenarioTitle(scenario)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'scenario'}${suffix}`;
}

/** True for what looks like a JSON file by name or type (a drop may carry anything). */
export function looksLikeJsonFile(file: { name: string; type: string }): boolean {
  return /\.json$/i.test(file.name) || file.type === 'application/json';
}

/** Validates a file's text; the message names the file and what was wrong. */
export function readScenarioFile(name: string, text: string): ScenarioFileRead {
  try {
    return { ok: true, scenario: parseScenarioJson(text) };
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return { ok: false, message: `${name}: ${error.message}` };
  }
}

/** Reads a File (or anything with name, size, type and text()) and validates it. */
export async function openScenarioFile(file: { name: string; size: number; type: string; text(): Promise<string> }): Promise<ScenarioFileRead> {
  if (!looksLikeJsonFile(file)) return { ok: false, message: `${file.name}: not a .json file` };
  if (file.size > MAX_SCENARIO_FILE_BYTES) return { ok: false, message: `${file.name}: too large for a scenario (${file.size.toLocaleString('en-US')} bytes)` };
  return readScenarioFile(file.name, await file.text());
}
