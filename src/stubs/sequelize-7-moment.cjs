// Stands in for `moment` where Sequelize 7's data types require it
// (@sequelize/core/lib/abstract-dialect/data-types.js), inside a
// `try { Moment = require('moment') } catch {}`: moment is optional there,
// used only to accept moment objects as dates. User code cannot make one in
// the playground (its `require` gives only @sequelize/core), so Sequelize 7
// runs as it does where moment is not installed, without 20 kB gzip of it.
throw new Error('moment is not bundled with Sequelize 7 here');
