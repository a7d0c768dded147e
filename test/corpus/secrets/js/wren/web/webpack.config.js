const path = require('path');
const webpack = require('webpack');

module.exports = (env, argv) => ({
  entry: './src/index.js',
  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].[contenthash].js' },
  mode: argv.mode || 'production',
  plugins: [
    // Defaults are used when the variable is unset (local builds of the library kiosk UI).
    new webpack.EnvironmentPlugin({
      NODE_ENV: 'production',
      PRIMO_VID: '01WREN_INST:WREN',
      KIOSK_SIP2_PASSWORD: 'p~zH9zxpCA1IJL_Uj6yfsC',
      DEBUG: false,
    }),
  ],
});
