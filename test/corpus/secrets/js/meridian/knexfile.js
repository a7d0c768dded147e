// Knex configuration for the Meridian scheduling database.
// Local and CI use docker-compose; production reads everything from the task definition.
const { parse } = require('pg-connection-string');

const PASSWORD_ENV = 'MERIDIAN_DB_PASSWORD'; // name of the variable, not the password
const minPasswordLength = 12;

module.exports = {
  development: {
    client: 'pg',
    connection: {
      host: '127.0.0.1',
      port: 5433,
      user: 'meridian_dev',
      password:
        'EFJHYqwE0aV45jE14g_jYPv',
      database: 'meridian_dev',
    },
    pool: { min: 0, max: 4 },
  },
  ci: {
    client: 'pg',
    connection: parse('postgres://meridian_ci:KMZVd4kGlVEXKGrGkN_agpK@postgres:5432/meridian_test'),
  },
  production: {
    client: 'pg',
    connection: {
      connectionString: process.env.DATABASE_URL,
      password: process.env[PASSWORD_ENV],
      ssl: { rejectUnauthorized: true },
    },
    migrations: { tableName: 'knex_migrations' },
  },
};
