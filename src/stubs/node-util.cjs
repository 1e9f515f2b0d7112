// Stands in for Node's `util` in the browser build. Sequelize 6 and 7 use
// `format`, `inspect` (7 also `inspect.custom`), `promisify` and `deprecate`; the `util` polyfill
// brings, for its `util.types`, the `get-intrinsic` and `call-bind` family
// (about 8 kB gzip) into the worker before the first result. `format` and
// `inspect` here are Node's own, from node-inspect-extracted, which the
// worker already loads for the captured console (src/engine/captured-console.ts):
// messages such as "Unsupported where option value: …" read as in Node.
const { format, formatWithOptions, inspect } = require('node-inspect-extracted');

const customPromisify = Symbol.for('nodejs.util.promisify.custom');

/** Node's `util.promisify` for callback-last functions. */
function promisify(original) {
  if (typeof original !== 'function') throw new TypeError('The "original" argument must be of type Function');
  if (typeof original[customPromisify] === 'function') return original[customPromisify];
  function promisified(...args) {
    return new Promise((resolve, reject) => {
      original.call(this, ...args, (error, value) => (error ? reject(error) : resolve(value)));
    });
  }
  Object.setPrototypeOf(promisified, Object.getPrototypeOf(original));
  return Object.defineProperties(promisified, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = customPromisify;

/** As the `util` polyfill did: warns once with `console.error`, honours `process.noDeprecation`. */
function deprecate(fn, message) {
  if (globalThis.process?.noDeprecation === true) return fn;
  let warned = false;
  return function deprecated(...args) {
    if (!warned) {
      warned = true;
      if (globalThis.process?.throwDeprecation) throw new Error(message);
      console.error(message);
    }
    return fn.apply(this, args);
  };
}

/** Node's `util.inherits`. */
function inherits(constructor, superConstructor) {
  Object.defineProperty(constructor, 'super_', { value: superConstructor, writable: true, configurable: true });
  Object.setPrototypeOf(constructor.prototype, superConstructor.prototype);
}

module.exports = { format, formatWithOptions, inspect, promisify, deprecate, inherits, TextEncoder, TextDecoder };
