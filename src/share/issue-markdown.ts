/**
 * "Copy as issue": a scenario and its latest result as GitHub-flavoured
 * Markdown, ready to paste into a Sequelize issue. Pure, so Node tests call
 * it on real engine results. Code and SQL go in fences longer than any run
 * of backticks they contain, so nothing they hold can close a fence early.
 */
import { MODE_CALLS } from '../engine/modes';
import type { ModeResult, RunResult } from '../engine/result';
import { withDefaults, type ScenarioInput } from '../engine/scenario';
import { modeVerdict, plural } from '../results/verdict';

/** GitHub refuses an issue body longer than this many characters. */
export const ISSUE_BODY_LIMIT = 65_536;

export interface IssueMarkdown {
  text: string;
  /** True when the full text passed ISSUE_BODY_LIMIT and `text` is the short version. */
  tooLong: boolean;
}

/** A fenced block whose fence is longer than the longest run of backticks inside. */
export function fenced(code: string, language = ''): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${code.replace(/\n+$/, '')}\n${fence}`;
}

/**
 * Text for a Markdown line, shown as written: no line breaks, Markdown's
 * punctuation backslash-escaped (an error's `_are_` stays underscores) and
 * HTML's characters as entities.
 */
function inline(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`)
    .replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c] ?? c);
}

/** Inline code that survives backticks inside. */
function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

function modeLine(mode: ModeResult, result: RunResult): string {
  const verdict = modeVerdict(mode, result.baseline.tables);
  const error = mode.error ? ` — ${inline(mode.error.message)}` : '';
  return `- **${mode.mode}** ${code(mode.call)}: ${inline(verdict.text)}${error}`;
}

function sqlBlock(mode: ModeResult): string {
  // A comment where the phase changes, so the operation's own statements stand apart.
  const lines: string[] = [];
  let phase: string | null = null;
  for (const entry of mode.log) {
    if (entry.phase !== phase) lines.push(`-- ${entry.phase === 'operation' ? mode.call : entry.phase}`);
    phase = entry.phase;
    lines.push(entry.sql.trimEnd());
  }
  const statements = lines.join('\n');
  return [
    `<details><summary>${mode.mode}: ${plural(mode.log.length, 'statement')}</summary>`,
    '',
    fenced(statements || '-- no statements', 'sql'),
    '',
    '</details>',
  ].join('\n');
}

function header(scenario: ScenarioInput, result: RunResult | null, link: string): string[] {
  const s = withDefaults(scenario);
  const version = result ? result.sequelizeVersion : s.sequelize;
  const dialect = result ? result.dialect : s.dialect;
  return [
    `### ${inline(s.title.trim() || 'Sequelize sync scenario')}`,
    '',
    `- Sequelize: ${version}`,
    `- Dialect: ${dialect}`,
    `- Reproduce in Sync Playground: ${link}`,
  ];
}

function modeLines(scenario: ScenarioInput, result: RunResult | null): string[] {
  if (!result) return withDefaults(scenario).modes.map((mode) => `- **${mode}** ${code(MODE_CALLS[mode])}: not run yet`);
  const lines = result.modes.map((mode) => modeLine(mode, result));
  if (result.baseline.error) {
    lines.unshift(`- **setup** failed in phase ${result.baseline.error.phase}: ${result.baseline.error.name} — ${inline(result.baseline.error.message)}`);
  }
  return lines;
}

function codeSection(scenario: ScenarioInput): string[] {
  const s = withDefaults(scenario);
  const parts: string[] = [];
  const add = (label: string, text: string) => {
    if (text.trim()) parts.push('', `**${label}**`, '', fenced(text, 'js'));
  };
  add('Setup (before the change)', s.setup);
  add('Models (after the change)', s.models);
  add('After each mode', s.after);
  return parts;
}

/**
 * The issue body. When the full version passes GitHub's limit, the short
 * one (link, versions, one line per mode, no code or SQL) is returned with
 * `tooLong` set.
 */
export function issueMarkdown(scenario: ScenarioInput, result: RunResult | null, link: string): IssueMarkdown {
  const results = modeLines(scenario, result);
  const full = [
    ...header(scenario, result, link),
    ...codeSection(scenario),
    '',
    '**Results**',
    '',
    ...results,
    ...(result ? result.modes.flatMap((mode) => ['', sqlBlock(mode)]) : []),
    '',
  ].join('\n');
  if (full.length <= ISSUE_BODY_LIMIT) return { text: full, tooLong: false };
  const short = [...header(scenario, result, link), '', '**Results**', '', ...results, ''].join('\n');
  if (short.length <= ISSUE_BODY_LIMIT) return { text: short, tooLong: true };
  // A link that long cannot go in an issue at all: the scenario file can be attached instead.
  const linkless = header(scenario, result, '(too long for an issue: attach the scenario from Download .json)');
  return { text: [...linkless, '', '**Results**', '', ...results, ''].join('\n'), tooLong: true };
}
