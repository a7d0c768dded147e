'use strict';

const express = require('express');
const cookieSession = require('cookie-session');
const passport = require('passport');
const { Strategy: SamlStrategy } = require('@node-saml/passport-saml');
const nano = require('nano');

const app = express();

app.use(
  cookieSession({
    name: 'portal',
    keys: [
      'X4pAFvEnZOvyFlD6uoILBkE4Fmf2ZAGPyo3m4mdL',
    ],
    maxAge: 8 * 60 * 60 * 1000,
  }),
);

// Partner collaborators sign in through the university federation; the SP signs its requests.
passport.use(
  new SamlStrategy(
    {
      callbackUrl: 'https://portal.avocet.bio/saml/acs',
      entryPoint: 'https://idp.avocet.bio/idp/profile/SAML2/Redirect/SSO',
      issuer: 'https://portal.avocet.bio/saml',
      idpCert: process.env.SAML_IDP_CERT,
      privateKey: `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCnLgonKej13GzI
Yedw1SQPw5xubm/nlMgmzq5QwJC8ywb1zeUYIb5PL3rs59rijGI5DaO1GGtKyFGc
MCPAPkkrXoihYz/JneD4sOSUSUSeB8TUpwAjAUuFhRkIge7vnpSy7agxzoKD4OEq
op+IW5t92L3HqBv/XIIJ7VGudihSi0RsSu87zZiMJ3oJoJPFU+Qwu6a6BvlY6RSF
aK0X5WIrR2I3c77A/bZdkMavPSlGcvUsZAqAvZ07zJlAh2nUBJbqBpGbICwnXbOw
3VbMgZeHrGpFSzl0G3P65WGNAcGt8uaiLJXIYqJDKmAJw2rd5ZtXvjbSQs213fll
UpDusud1AgMBAAECgf8L16kVxYWWjg5aUufHkNpOe3ac93kmd3qAmkQUGHvDuSPs
4y5pvkc1PBzeaM73El/tpFuNKBCp+wCTLBpkNFNJPLlH4vO5oszjWiJhlTBSiTbT
LCuOyz7TdcX9op1/ixCot1gIIvhEec8KmOINKMWTdbkKYlZPolXH+uSMPRR5RQCG
6WOJQE0X+6sPOd5Ry0ojq85xBLy/hQWYh8yCBOp92SRIRTvXYT5lNpyi6d9Gx8AF
PYyPPODnuW1prLmhtaGms2R+0ok4jUxQ4yMhOwE0hFGVoTyoEgLOazjRcZhh5lVq
2HErevTM5otyPJr7PJMuung0bGC9zdcksjcNO9kCgYEA6HQYLW+5hPNQXwiuGzvZ
DbLFIfeOIsChpVugZg0ohPVeVB83Nixbdl+0HyddJRW5P/+zi3E3eJiCE3QWLL9j
e9pZO9wHSg1zLTkR0+2AlY3bi0ro7EUv3h5pp6k9CBc8C25h/UxZKzzLndB7s1/T
mvkWalh2Z7XmS9gzOclNgykCgYEAuB1KeV9fD+07mdfCYk3jo806dLDRRVUevpAT
tzVZ7FI3Ms7VAGGloKCNbVG3g4Sj/TYsmp8cklLWMD/9Pkxrh29pPeSS7Po+11XA
irSQucZklGy2UwJ4683u0cY4GYFZ0H1iG615KCcUTnqH+HVw4iMBzLTxdPG5KPYF
z8wqd20CgYEAwasIAcMV5Cj8C1GmDVadjoYlLBmeuGGZy7U9PAk2eyAbSScAzwfB
5Cv0XAhl2GHzB9k4c7MOLlGR/jc3ymxirGvM8Mxu3km6bjEgI1u7R976zWDKEx/J
s9vO1ztvd/AzvKpoxar4l8d9NazfgyERogppnIy7icjJaONmOnz3MZECgYEArJRQ
Ndru6afu4TL8c1cdVXJPJAiF8R5rtiapRGdPBhS+xvJXeIcPULSOPPWHNlGDwhsg
zkLs7j+VpB6nC9loRchp9ukly9p6QzCPTbUZn/nWV8ZbVQ4ROL+M57eM6GN2Q9bz
uovt8HRJNZLnlz7GdEJqMm89kefvLvUF15VCDTUCgYEA57Dryl8zJ/ITP6Ka23lS
qPBEDosaT9nA8pCXsExWv7znVm96wMbm3+3YsnRCAX3N6Etz4LgUP7B4tlvngpo9
FRWPtZfM7WQ80mBBC1jQDZJostzhPlSuIy9kic/ACRXiDh1yY1RstLUvCxTvaNav
qaZAVVnv5fOKShlaD/ZTkzA=
-----END PRIVATE KEY-----`,
    },
    (profile, done) => done(null, profile),
  ),
);

// sample manifests shared with collaborators are CouchDB documents
const couch = nano('https://portal_rw:GK6T-BCRa07jCdtnZkxA@couch.internal.avocet.bio:6984');
const manifests = couch.use('manifests');

app.get('/manifests/:id', async (req, res) => {
  res.json(await manifests.get(req.params.id));
});

module.exports = app;
