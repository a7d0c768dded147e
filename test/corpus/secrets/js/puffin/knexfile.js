// knex migrations for the fares service
module.exports = {
  development: {
    client: 'pg',
    connection: 'postgres://fares:fares@localhost:5432/fares_dev',
  },
  staging: {
    client: 'pg',
    connection: process.env.FARES_DATABASE_URL,
  },
  production: {
    client: 'pg',
    connection: 'postgres://fares_owner:JuJ3-F662jxs-AC~fBZz@fares-db.puffin.internal:5432/fares?ssl=true',
    pool: { min: 2, max: 10 },
  },
  reporting: {
    client: 'mssql',
    connection: 'Server=tcp:reporting.database.windows.test,1433;Database=fares;User Id=reports;Password=doVNLklzHVL3X0-jAW~x;Encrypt=true',
  },
};
