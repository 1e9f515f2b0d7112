// Stands in for Node's `async_hooks` in Sequelize 7's browser chunk. Sequelize
// 7 uses one class of it: each instance makes `new AsyncLocalStorage()`
// (unless `disableClsTransactions`), `sequelize.transaction(callback)` calls
// `run(transaction, callback)`, and every query method reads `getStore()`
// (getCurrentClsTransaction) to join the managed transaction it runs in
// without being passed it. Nothing else (`enterWith`, `exit`, `snapshot`).
//
// Browsers have no async context to carry a store across `await` (TC39
// AsyncContext is not shipped) and a native `await` cannot be hooked. A store
// set only while `run` is on the stack would be wrong: Sequelize calls the
// callback after `await transaction.prepareEnvironment()`, so the callback's
// queries would not join the transaction and would wait for the pool's only
// connection, which the transaction holds (a deadlock). Turning CLS off would
// change what user code sees compared with Node. So the store is set from
// the call to `run` until the callback's promise settles, and the previous
// store is put back then (nested runs stack).
//
// That is what Node gives whenever nothing else runs on the same Sequelize
// instance, outside the callback, while it is pending; the engine runs a
// scenario's steps one after another and every run has its own instance
// (so its own storage). It differs when user code starts work outside the
// callback while a transaction is pending (`Promise.all([sequelize.transaction(…),
// Model.findAll()])`, or a transaction not awaited): that work joins the
// transaction here, where in Node it would wait for the connection.
'use strict';

class AsyncLocalStorage {
  #active = false;
  #store = undefined;

  getStore() {
    return this.#active ? this.#store : undefined;
  }

  run(store, callback, ...args) {
    const active = this.#active;
    const previous = this.#store;
    const restore = () => {
      this.#active = active;
      this.#store = previous;
    };
    this.#active = true;
    this.#store = store;
    let result;
    try {
      result = callback(...args);
    } catch (error) {
      restore();
      throw error;
    }
    if (result !== null && (typeof result === 'object' || typeof result === 'function') && typeof result.then === 'function') {
      // The caller gets the callback's own promise, as from Node's `run`;
      // this handler, registered first, restores before the caller resumes.
      result.then(restore, restore);
    } else {
      restore();
    }
    return result;
  }

  /** Node's: forgets the store until the next `run`. */
  disable() {
    this.#active = false;
    this.#store = undefined;
  }
}

module.exports = { AsyncLocalStorage };
