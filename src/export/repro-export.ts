/**
 * "Share and reproduce": turns a scenario into a small Node project that
 * runs it on real Sequelize and a native driver, the way the playground
 * runs it (shared/SCENARIO.md, "How a scenario runs"): a baseline database
 * with `setup`, then per mode an exact copy of it with a new Sequelize
 * instance running `models`, the mode's operation and `after`. SQLite runs
 * on native sqlite3 (./sqlite-runner.ts), PostgreSQL on pg with a server
 * the person points it at (./postgres-runner.ts); what differs between
 * Sequelize 6 and 7 (packages, constructor options) is in ./releases.ts.
 *
 * Pure and isomorphic (no Node APIs): the CLI writes the files, the
 * playground can offer them for download. User code is transpiled here with
 * the engine's own transpiler, so repro.js is plain JavaScript.
 */
import { MODE_CALLS } from '../engine/modes';
import { withDefaults, type ScenarioInput } from '../engine/scenario';
import { CODE_FIELDS, compileUserCode, SCOPE_NAMES, transpileUserCode, type CodeField } from '../engine/user-code';
import { POSTGRES_REQUIRES, POSTGRES_RUNNER } from './postgres-runner';
import { releaseParts } from './releases';
import { COMMON_RUNNER } from './runner-common';
import { SQLITE_REQUIRES, SQLITE_RUNNER } from './sqlite-runner';

export { PG_RANGE, SQLITE3_RANGE } from './releases';

/** What differs between the dialects' reproductions. */
const DIALECTS = {
  sqlite: {
    on: 'native sqlite3',
    requires: SQLITE_REQUIRES,
    runner: SQLITE_RUNNER,
    copies: 'a byte-for-byte copy of it (SQLite\'s backup API)',
    needs: ['Node 20 or newer. `sqlite3` is a native module: `npm install` downloads or builds it.'],
  },
  postgres: {
    on: 'pg and a PostgreSQL server',
    requires: POSTGRES_REQUIRES,
    runner: POSTGRES_RUNNER,
    copies: 'a database made from it as a template',
    needs: [
      'Node 20 or newer and a PostgreSQL server (13 or newer) you may create databases on: it connects',
      'as `psql` and `pg` do, from `PGHOST`, `PGPORT`, `PGUSER` and `PGPASSWORD`, e.g.',
      '`PGHOST=127.0.0.1 PGUSER=postgres node repro.js`. It makes (and drops at the end) two',
      'databases, `DATABASE` and `DATABASE_sync_playground_baseline` (see repro.js), and never',
      'touches a database of those names that it did not make.',
    ],
  },
} as const;

export type ReproductionFiles = {
  'package.json': string;
  'repro.js': string;
  'README.md': string;
};

/** Each line of free text as a `//` comment (no `*\/` can end a block early). */
function commentLines(text: string, prefix = '// ', width = 100): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    let rest = line;
    while (prefix.length + rest.length > width) {
      const cut = rest.lastIndexOf(' ', width - prefix.length);
      if (cut <= 0) break;
      out.push(`${prefix}${rest.slice(0, cut)}`.trimEnd());
      rest = rest.slice(cut + 1);
    }
    out.push(`${prefix}${rest}`.trimEnd());
  }
  return out;
}

/**
 * A code field as a JavaScript function expression. Code that the engine
 * cannot compile becomes a function throwing the same SyntaxError, which the
 * engine records for that phase; the original text is kept as a comment.
 */
async function functionSource(code: string, field: CodeField): Promise<string> {
  try {
    await compileUserCode(code, field);
    return await transpileUserCode(code);
  } catch (error) {
    const { name, message } = error as Error;
    return [
      `(async function () {`,
      `  // The playground could not compile this code:`,
      ...commentLines(code, '  // ', Infinity),
      `  throw Object.assign(new SyntaxError(${JSON.stringify(message)}), { name: ${JSON.stringify(name)} });`,
      `})`,
    ].join('\n');
  }
}

function packageJson(slug: string, version: string, dialect: keyof typeof DIALECTS, dependencies: Record<string, string>): string {
  const manifest = {
    name: slug,
    version: '1.0.0',
    private: true,
    description: `A Sync Playground scenario on real Sequelize and ${DIALECTS[dialect].on}`,
    type: 'commonjs',
    scripts: { start: 'node repro.js', json: 'node repro.js --json' },
    dependencies,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function slugOf(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug ? `sync-playground-${slug}` : 'sync-playground-repro';
}

export async function exportReproduction(input: ScenarioInput, version: string): Promise<ReproductionFiles> {
  const scenario = withDefaults(input);
  const dialect = DIALECTS[scenario.dialect];
  const release = releaseParts(version, scenario.dialect);
  const notice = typeof scenario.notice === 'string' ? scenario.notice : '';
  const sources = await Promise.all(CODE_FIELDS.map((field) => functionSource(scenario[field], field)));
  const [setup, models, after] = sources as [string, string, string];

  const header = [
    ...commentLines(`Sync Playground reproduction${scenario.title ? `: ${scenario.title}` : ''}`),
    ...(notice ? ['//', ...commentLines(notice)] : []),
    '//',
    ...commentLines(
      `Sequelize ${version} on ${dialect.on}, run as the playground runs it: a baseline database with ` +
        `\`setup\`, then for each mode ${dialect.copies} with a new Sequelize instance running \`models\`, ` +
        'the operation and `after`.',
    ),
    '// Run: npm install && node repro.js   (add --json for machine-readable output)',
  ];
  const operations = scenario.modes.map((mode) => `  ${JSON.stringify(mode)}: (sequelize) => ${MODE_CALLS[mode]},`);
  const calls = scenario.modes.map((mode) => `  ${JSON.stringify(mode)}: ${JSON.stringify(MODE_CALLS[mode])},`);
  const scopeComment = `// Each code field is the body of an async function; in scope: ${SCOPE_NAMES.join(', ')}.`;

  const repro = [
    ...header,
    "'use strict';",
    '',
    "const util = require('util');",
    ...dialect.requires,
    ...release.requires,
    '',
    'const { Sequelize, DataTypes, Model, Op } = SequelizeModule;',
    `const SEQUELIZE_PACKAGE = ${JSON.stringify(release.packageName)};`,
    `const PINNED_VERSION = ${JSON.stringify(version)};`,
    `const DATABASE = ${JSON.stringify(scenario.database)};`,
    `const MODES = ${JSON.stringify(scenario.modes)};`,
    '',
    scopeComment,
    '',
    '// setup: run once on an empty database (the schema and data before the change).',
    `const setup = ${setup};`,
    '',
    '// models: run for every mode (the model definitions after the change).',
    `const models = ${models};`,
    '',
    '// after: run for every mode after its operation.',
    `const after = ${after};`,
    '',
    '// The operation of each mode.',
    'const OPERATIONS = {',
    ...operations,
    '};',
    'const CALLS = {',
    ...calls,
    '};',
    release.options,
    COMMON_RUNNER,
    dialect.runner,
  ].join('\n');

  const title = scenario.title || 'Sync Playground scenario';
  const readme = [
    `# ${title.replace(/\r?\n/g, ' ')}`,
    '',
    ...(notice ? [notice, ''] : []),
    `A reproduction exported from Sync Playground: Sequelize ${version} on ${dialect.on},`,
    'run the way the playground runs it. `setup` builds a baseline database; each',
    `mode (${scenario.modes.map((mode) => `\`${mode}\``).join(', ')}) then starts from ${dialect.copies}`,
    'with a new Sequelize instance and runs `models`, its operation and `after`.',
    '',
    '## Run it',
    '',
    '```sh',
    'npm install && node repro.js',
    '```',
    '',
    'It prints, per mode, every statement Sequelize executed (with its phase), what the code',
    'printed and the error, if any. `node repro.js --json` prints the same as JSON.',
    '',
    ...dialect.needs,
    '',
  ].join('\n');

  const manifest = packageJson(slugOf(scenario.title), version, scenario.dialect, release.dependencies);
  return { 'package.json': manifest, 'repro.js': repro, 'README.md': readme };
}
