// pm2 process file for the ad-insertion workers on the bare-metal POPs.
module.exports = {
  apps: [
    {
      name: 'ssai-worker',
      script: 'dist/worker.js',
      instances: 'max',
      env_production: {
        NODE_ENV: 'production',
        AMQP_URL: 'amqps://ssai:BkjhKH-KtGiXJKz.oDa077.u@rabbit.kestrel.internal:5671/ssai',
        NEW_RELIC_API_KEY: 'NRAK-AW0BLD7DHT0UH98DI9KQ55PC87I',
        NEW_RELIC_LICENSE_KEY: process.env.NEW_RELIC_LICENSE_KEY,
      },
    },
  ],
};
