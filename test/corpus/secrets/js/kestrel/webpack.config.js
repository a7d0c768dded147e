const path = require('node:path');
const webpack = require('webpack');

module.exports = (env) => ({
  entry: './src/player/index.js',
  output: { path: path.resolve(__dirname, 'dist'), filename: 'player.[contenthash].js' },
  plugins: [
    new webpack.DefinePlugin({
      'process.env.ANALYTICS_WRITE_KEY': JSON.stringify(env.analyticsKey || 'HMFRApKW6WZ5sSLA2ewdGnXmMaRr89IY'),
      'process.env.PLAYER_VERSION': JSON.stringify(require('./package.json').version),
      __DRM_LICENSE_TOKEN__: JSON.stringify('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJrZXN0cmVsLWRybSIsInN1YiI6IndlYi1wbGF5ZXIiLCJzY29wZSI6ImxpY2Vuc2UiLCJpYXQiOjE3OTY1OTU4OTAsImV4cCI6MTgyODEzNTQ5MH0.oKgDmpTQynpXN5wruUwogO7nAwG4mhbHiphzeE2iZq8'),
    }),
  ],
  devServer: {
    proxy: [{
      context: ['/api'],
      target: 'https://staging-api.kestrel.tv',
      headers: { Authorization: 'Basic ZGV2OkZObEguNUNCfncyS015QVRQMzI0' },
    }],
  },
});
