/**
 * The dialect-independent part of repro.js: running a list of phases on a
 * new Sequelize instance the way src/engine/run-session.ts does (the log with
 * each statement's phase, the code's console output, the first error), and
 * printing the result. Plain JavaScript in a string: it becomes part of the
 * exported file.
 */
export const COMMON_RUNNER = String.raw`
const LOG_PREFIX = /^Executing \([^)]*\): /;

function requireForUserCode(name) {
  if (name === SEQUELIZE_PACKAGE) return SequelizeModule;
  throw new Error("require('" + name + "') is not available here: only '" + SEQUELIZE_PACKAGE + "' is");
}

/** A new Sequelize instance with 'options' (sqliteOptions or postgresOptions) running 'phases' until the first error. */
async function runPhases(options, phases) {
  const log = [];
  const lines = [];
  let phase = phases[0][0];
  let error = null;
  const sequelize = new Sequelize({
    ...options,
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
  return { sequelize, section: { log, error, console: lines } };
}

async function closeSequelize(sequelize) {
  try {
    await sequelize.close();
  } catch {
    // Closing can fail after user code closed it.
  }
}

const userStep = (fn) => (_sequelize, scope) => fn(...scope);

function modePhases(mode) {
  return [
    ['models', userStep(models)],
    ['operation', OPERATIONS[mode]],
    ['after', userStep(after)],
  ];
}

function printSection(title, section) {
  console.log('== ' + title + ' ==');
  for (const entry of section.log) console.log('[' + entry.phase + '] ' + entry.sql);
  for (const line of section.console) console.log('console: ' + line.split('\n').join('\n         '));
  console.log(section.error ? 'error in ' + section.error.phase + ': ' + section.error.name + ': ' + section.error.message : 'no error');
  console.log('');
}

/** Prints the baseline and the modes (as JSON with --json); 'engine' names the driver and database. */
function report(baseline, modes, engine) {
  const sequelizeVersion = require(SEQUELIZE_PACKAGE + '/package.json').version;
  if (sequelizeVersion !== PINNED_VERSION) {
    console.error('Warning: this reproduction was made with Sequelize ' + PINNED_VERSION + ' but ' + sequelizeVersion + ' is installed.');
  }
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify({ sequelizeVersion, modes, baseline }, null, 2) + '\n');
    return;
  }
  console.log('Sequelize ' + sequelizeVersion + ' on ' + engine + '\n');
  printSection('baseline: setup', baseline);
  for (const run of modes) printSection(run.mode + ': ' + CALLS[run.mode], run);
}

function fail(error) {
  console.error(error);
  process.exitCode = 1;
}
`;
