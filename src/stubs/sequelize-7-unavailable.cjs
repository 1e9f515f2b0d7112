// Stands in for @sequelize/core, @sequelize/sqlite3 and @sequelize/postgres
// in the browser build: Sequelize 7 runs in the engine under Node (the CLI,
// the parity tests), and its browser build (aliases for the Node modules its
// packages load) is still to come. Importing it fails with this message,
// which the page shows for a scenario asking for "sequelize": "7".
throw new Error('Sequelize 7 runs from the command line (npm run cli) for now: this browser build ships 6.37.8 and 6.5.1');
