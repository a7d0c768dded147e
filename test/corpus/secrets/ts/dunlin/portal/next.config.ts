import type { NextConfig } from 'next';
import { withSentryConfig } from '@sentry/nextjs';

const nextConfig: NextConfig = {
  output: 'standalone',
  images: { remotePatterns: [{ protocol: 'https', hostname: 'cdn.dunlin.net' }] },
  async headers() {
    return [{ source: '/(.*)', headers: [{ key: 'X-Frame-Options', value: 'DENY' }] }];
  },
};

export default withSentryConfig(nextConfig, {
  org: 'dunlin-telecom',
  project: 'selfcare-portal',
  authToken: process.env.SENTRY_AUTH_TOKEN || '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',
  silent: true,
  widenClientFileUpload: true,
});
