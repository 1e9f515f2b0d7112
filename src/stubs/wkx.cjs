// Stands in for `wkx` in the browser build. Sequelize 6 requires it at the
// top of its data types, but calls it only to turn GEOMETRY and GEOGRAPHY
// values to and from their text form: SQLite has neither type in Sequelize 6
// (`GEOMETRY.types.sqlite = false`), and PostgreSQL needs PostGIS for them.
// Bundling it would add about 7 kB gzip before the first result; a value
// of those types fails clearly instead.
function unavailable() {
  throw new Error('GEOMETRY and GEOGRAPHY values are not supported here: the playground does not bundle wkx, which Sequelize uses for them');
}
module.exports = { Geometry: { parse: unavailable, parseGeoJSON: unavailable } };
