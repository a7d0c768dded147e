import { S3Client } from '@aws-sdk/client-s3';
import vault from 'node-vault';

export const manifests = new S3Client({
  region: 'eu-west-1',
  credentials: {
    accessKeyId: process.env.MANIFESTS_AWS_ACCESS_KEY_ID!,
    secretAccessKey: process.env.MANIFESTS_AWS_SECRET_ACCESS_KEY!,
  },
});

export const secrets = vault({
  apiVersion: 'v1',
  endpoint: 'https://vault.osprey.internal:8200',
  token: 'hvs.CAESIkc_N4L3TAKsCgQUu1FnEqLIGefZ5P913-bhYyOIdLXBz2ndxQ3qEvAm0SkGDfcTxd7Jj1Kk3bo_sdFCvWku6l3',
});

// long-lived token the gate kiosks use against the portal API (rotated yearly)
export const KIOSK_SERVICE_JWT = `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGgub3NwcmV5LXBvcnQuY29tIiwic3ViIjoiZ2F0ZS1raW9zayIsImF1ZCI6Im9zcHJleS1hcGkiLCJpYXQiOjE3OTUzNTMxOTgsImV4cCI6MTgyNjg4OTE5OCwianRpIjoiNjc1M2VhNTAtMGI3MC00YTQyLWEyNmEtNDNmY2JjYWM2NDgxIiwic2NvcGUiOiJnYXRlOndyaXRlIn0.RXuAZT5FVFmGVA9P9HLIqIKUt0bMq9CEp9arpBNS3N4`;

export const SPIRE_HEADERS = { 'x-spire-token': 'gJYJ24fmXSpywDozy7nG85ztXgUlnjGnJ9x0', accept: 'application/json' };
