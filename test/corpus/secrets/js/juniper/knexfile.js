// Knex config for the listings service (migrations run from CI)
module.exports = {
  development: {
    client: 'pg',
    connection: 'postgres://listings:57o3_9_Y6h7jcqW038oUaj@localhost:5432/listings_dev',
  },
  test: {
    client: 'pg',
    connection: {
      host: '127.0.0.1',
      user: 'listings_test',
      password: process.env.TEST_DB_PASSWORD || 'dabcUp4WsPKAVLscmIJIsA',
      database: 'listings_test',
    },
  },
  production: {
    client: 'pg',
    connection: process.env.DATABASE_URL,
    pool: { min: 2, max: 10 },
  },
};
