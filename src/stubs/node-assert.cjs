// Stands in for Node's `assert` in the browser build. Sequelize 6 calls it
// in one place, `assert(condition, message)` in Model._optionsMustContainWhere
// (update, destroy and the like without `where`); Sequelize 7 calls only
// `assert(condition, message)` too; the `assert` polyfill is
// about 7 kB gzip with its dependencies, loaded before the first result for
// that. This throws what Node's does for a failed `assert(value, message)`.
class AssertionError extends Error {
  constructor(options) {
    super(options.message);
    this.name = 'AssertionError';
    this.code = 'ERR_ASSERTION';
    this.actual = options.actual;
    this.expected = options.expected;
    this.operator = options.operator;
    this.generatedMessage = options.generatedMessage;
  }
}

function ok(value, message) {
  if (value) return;
  if (message instanceof Error) throw message;
  throw new AssertionError({
    message: message ?? 'The expression evaluated to a falsy value',
    actual: value,
    expected: true,
    operator: '==',
    generatedMessage: message === undefined,
  });
}

module.exports = ok;
module.exports.ok = ok;
module.exports.AssertionError = AssertionError;
