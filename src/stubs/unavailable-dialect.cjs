// Stands in for the Sequelize 6 dialects the playground does not run
// (`require("./dialects/mysql")` and the like in sequelize/lib/sequelize.js):
// each is tens of kilobytes of query generators the first result would
// otherwise wait for. `new Sequelize({ dialect: 'mysql' })` fails clearly.
class UnavailableDialect {
  constructor() {
    throw new Error('This Sequelize dialect is not bundled: the playground runs SQLite');
  }
}
module.exports = UnavailableDialect;
module.exports.default = UnavailableDialect;
