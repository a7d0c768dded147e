const { S3Client } = require('@aws-sdk/client-s3');

const client = new S3Client({
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID,
    // expect: secret-aws-secret-access-key@23-63
    secretAccessKey: 'Zt5Qm2Xr8Kv4Wn7Lb3Hc6Pd9Fg1Js0Ya/FAKE+r3',
  },
});
// expect-not: secret-aws-secret-access-key
const fromEnv = { secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY };
module.exports = { client, fromEnv };
