// Stands in for `semver`'s index in the browser build: the same functions,
// required one by one. Sequelize 6 calls four of them (coerce, valid, lt,
// gte) to read the database's version, Sequelize 7 three (coerce, valid, lt); the index also loads ranges,
// comparators and the like, about 3 kB gzip before the first result.
module.exports = {
  coerce: require('semver/functions/coerce'),
  valid: require('semver/functions/valid'),
  lt: require('semver/functions/lt'),
  gte: require('semver/functions/gte'),
};
