const Koa = require('koa');
const session = require('koa-session');
const mapboxSdk = require('@mapbox/mapbox-sdk');

const app = new Koa();
// cookie signing keys, newest first (rotate by prepending)
app.keys = ['1OQvmo-cbmCCoj0Yv68ynd_Cf26XTpC3MDCDgzZ5Gcg', 'k2024-rotated-out'];
app.use(session({ key: 'osprey.sess', maxAge: 86400000 }, app));

// server-side geocoding of terminal gates needs the secret scope
const mapbox = mapboxSdk({ accessToken: 'sk.eyJ1Ijoib3NwcmV5LW9wcyIsImEiOiI5YTIweXR2NWExNm83em9rMDlsbnp3ZmN6In0.3kTpRHM4C94VAciL1HGhyo' });

module.exports = { app, mapbox };
