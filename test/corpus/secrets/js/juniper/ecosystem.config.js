module.exports = {
  apps: [
    {
      name: 'telemetry-gateway',
      script: 'dist/gateway.js',
      env: {
        NODE_ENV: 'development',
        NEW_RELIC_LICENSE_KEY: process.env.NEW_RELIC_LICENSE_KEY,
      },
      env_production: {
        NODE_ENV: 'production',
        NEW_RELIC_API_KEY: 'NRAK-D7QWTWRIX1QQO3NNYYEMHZKAC92',
      },
    },
  ],
};
