/**
 * "Share and reproduce": turns a scenario into a small Node project that
 * runs it on real Sequelize and native sqlite3, the way the playground runs
 * it (shared/SCENARIO.md, "How a scenario runs"): a baseline database with
 * `setup`, then per mode a byte-for-byte copy of it (SQLite's backup API)
 * with a new Sequelize instance whose first connection is that copy,
 * running `models`, the mode's operation and `after`.
 *
 * Pure and isomorphic (no Node APIs): the CLI writes the files, the
 * playground can offer them for download. User code is transpiled here with
 * the engine's own transpiler, so repro.js is plain JavaScript.
 */
import { MODE_CALLS } from '../engine/modes';
import { ScenarioError, withDefaults, type ScenarioInput } from '../engine/scenario';
import { CODE_FIELDS, compileUserCode, SCOPE_NAMES, transpileUserCode, type CodeField } from '../engine/user-code';

/** The sqlite3 range the project itself tests against (package.json devDependencies). */
export const SQLITE3_RANGE = '^6.0.1';

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

function packageJson(slug: string, version: string): string {
  const manifest = {
    name: slug,
    version: '1.0.0',
    private: true,
    description: 'A Sync Playground scenario on real Sequelize and native sqlite3',
    type: 'commonjs',
    scripts: { start: 'node repro.js', json: 'node repro.js --json' },
    dependencies: { sequelize: version, sqlite3: SQLITE3_RANGE },
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

/** The runner part of repro.js: the same steps as src/engine/run-session.ts. */
const RUNNER = String.raw`
const LOG_PREFIX = /^Executing \([^)]*\): /;

function openMemory() {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(':memory:', (error) => (error ? reject(error) : resolve(db)));
  });
}

/** SQLite's backup API: copies pages byte for byte between a database and a file. */
function backup(db, file, fileIsDestination) {
  return new Promise((resolve, reject) => {
    const job = db.backup(file, 'main', 'main', fileIsDestination, (error) => {
      if (error) return reject(error);
      job.step(-1, (stepError) => {
        if (stepError) return reject(stepError);
        job.finish((finishError) => (finishError ? reject(finishError) : resolve()));
      });
    });
  });
}

/** sqlite3 for Sequelize, whose first connection is the database prepared here. */
function dialectModuleFor(db) {
  let first = true;
  // A constructor that returns an object makes "new" yield that object.
  function Database(filename, mode, callback) {
    const done = typeof mode === 'function' ? mode : callback;
    if (!first) return new sqlite3.Database(filename, mode, done);
    first = false;
    process.nextTick(() => done && done.call(db, null));
    return db;
  }
  return { ...sqlite3, Database, verbose: () => sqlite3 };
}

function requireForUserCode(name) {
  if (name === 'sequelize') return SequelizeModule;
  throw new Error("require('" + name + "') is not available here: only 'sequelize' is");
}

/** One database and one Sequelize instance running a list of phases. */
async function runSession(fromFile, phases, saveTo) {
  const db = await openMemory();
  if (fromFile) await backup(db, fromFile, false);
  const log = [];
  const lines = [];
  let phase = phases[0][0];
  let error = null;
  const sequelize = new Sequelize({
    dialect: 'sqlite',
    storage: ':memory:',
    database: DATABASE,
    dialectModule: dialectModuleFor(db),
    logging: (message) => {
      log.push({ phase, sql: String(message).replace(LOG_PREFIX, '') });
    },
  });
  const write = (...args) => {
    lines.push(util.format(...args));
  };
  const capturedConsole = { log: write, info: write, warn: write, error: write, debug: write, trace: write, dir: write, table: write };
  const scope = [sequelize, Sequelize, DataTypes, Model, Op, capturedConsole, requireForUserCode];
  for (const [name, step] of phases) {
    phase = name;
    try {
      await step(sequelize, scope);
    } catch (thrown) {
      error =
        thrown instanceof Error
          ? { phase: name, name: thrown.name, message: thrown.message }
          : { phase: name, name: 'Error', message: String(thrown) };
      break;
    }
  }
  if (saveTo) await backup(db, saveTo, true);
  try {
    await sequelize.close();
  } catch {
    // Closing can fail after user code closed it.
  }
  await new Promise((resolve) => db.close(() => resolve()));
  return { log, error, console: lines };
}

const userStep = (fn) => (_sequelize, scope) => fn(...scope);

function printSection(title, section) {
  console.log('== ' + title + ' ==');
  for (const entry of section.log) console.log('[' + entry.phase + '] ' + entry.sql);
  for (const line of section.console) console.log('console: ' + line.split('\n').join('\n         '));
  console.log(section.error ? 'error in ' + section.error.phase + ': ' + section.error.name + ': ' + section.error.message : 'no error');
  console.log('');
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-playground-repro-'));
  const baselineFile = path.join(dir, 'baseline.sqlite');
  try {
    const baseline = await runSession(null, [['setup', userStep(setup)]], baselineFile);
    const modes = [];
    for (const mode of MODES) {
      const run = await runSession(baselineFile, [
        ['models', userStep(models)],
        ['operation', OPERATIONS[mode]],
        ['after', userStep(after)],
      ]);
      modes.push({ mode, ...run });
    }
    const sequelizeVersion = require('sequelize/package.json').version;
    if (sequelizeVersion !== PINNED_VERSION) {
      console.error('Warning: this reproduction was made with Sequelize ' + PINNED_VERSION + ' but ' + sequelizeVersion + ' is installed.');
    }
    if (process.argv.includes('--json')) {
      process.stdout.write(JSON.stringify({ sequelizeVersion, modes, baseline }, null, 2) + '\n');
      return;
    }
    console.log('Sequelize ' + sequelizeVersion + ' on sqlite3 ' + require('sqlite3/package.json').version + '\n');
    printSection('baseline: setup', baseline);
    for (const run of modes) printSection(run.mode + ': ' + CALLS[run.mode], run);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`;

export async function exportReproduction(input: ScenarioInput, version: string): Promise<ReproductionFiles> {
  const scenario = withDefaults(input);
  if (scenario.dialect !== 'sqlite') {
    throw new ScenarioError(`dialect: "${scenario.dialect}" cannot be exported yet; reproductions run "sqlite"`);
  }
  const notice = typeof scenario.notice === 'string' ? scenario.notice : '';
  const sources = await Promise.all(CODE_FIELDS.map((field) => functionSource(scenario[field], field)));
  const [setup, models, after] = sources as [string, string, string];

  const header = [
    ...commentLines(`Sync Playground reproduction${scenario.title ? `: ${scenario.title}` : ''}`),
    ...(notice ? ['//', ...commentLines(notice)] : []),
    '//',
    `// Sequelize ${version} on native sqlite3, run as the playground runs it:`,
    '// a baseline database with `setup`, then for each mode a byte-for-byte copy',
    '// of it with a new Sequelize instance running `models`, the operation and `after`.',
    '// Run: npm install && node repro.js   (add --json for machine-readable output)',
  ];
  const operations = scenario.modes.map((mode) => `  ${JSON.stringify(mode)}: (sequelize) => ${MODE_CALLS[mode]},`);
  const calls = scenario.modes.map((mode) => `  ${JSON.stringify(mode)}: ${JSON.stringify(MODE_CALLS[mode])},`);
  const scopeComment = `// Each code field is the body of an async function; in scope: ${SCOPE_NAMES.join(', ')}.`;

  const repro = [
    ...header,
    "'use strict';",
    '',
    "const fs = require('fs');",
    "const os = require('os');",
    "const path = require('path');",
    "const util = require('util');",
    "const sqlite3 = require('sqlite3');",
    "const SequelizeModule = require('sequelize');",
    '',
    'const { Sequelize, DataTypes, Model, Op } = SequelizeModule;',
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
    RUNNER,
  ].join('\n');

  const title = scenario.title || 'Sync Playground scenario';
  const readme = [
    `# ${title.replace(/\r?\n/g, ' ')}`,
    '',
    ...(notice ? [notice, ''] : []),
    `A reproduction exported from Sync Playground: Sequelize ${version} on native sqlite3,`,
    'run the way the playground runs it. `setup` builds a baseline in-memory database; each',
    `mode (${scenario.modes.map((mode) => `\`${mode}\``).join(', ')}) then starts from a byte-for-byte copy of it`,
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
    'Node 20 or newer. `sqlite3` is a native module: `npm install` downloads or builds it.',
    '',
  ].join('\n');

  return { 'package.json': packageJson(slugOf(scenario.title), version), 'repro.js': repro, 'README.md': readme };
}
