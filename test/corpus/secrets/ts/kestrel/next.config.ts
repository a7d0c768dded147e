import type { NextConfig } from 'next';

// Public values go to the browser (NEXT_PUBLIC_*); the others stay on the server.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  images: { remotePatterns: [{ protocol: 'https', hostname: 'img.kestrel.tv' }] },
  env: {
    NEXT_PUBLIC_STRIPE_KEY: 'pk_live_1cpVq1JQYmUoNQYtrkPB0YacMpFUiNyC2LzAqxlx0uN8UCQsy9hkQX5uaB7JaSAb7adPHT9FjRCcEh09CFGjrWR3ZptBSvbB3q0',
    NEXT_PUBLIC_SENTRY_DSN: 'https://c60d7712cfd64040feff7b86507ac245@o4507.ingest.sentry.io/4507113',
    NEXT_PUBLIC_MAPBOX_TOKEN: 'pk.eyJ1Ijoia2VzdHJlbCIsImEiOiJjbHdnOHJ6bGIwMDVyMmpvN2VkZ2Z3dGZkIn0.xfyHJNDvxhcm9vz46RfGVI',
  },
  serverRuntimeConfig: {
    cmsPreviewToken: process.env.CMS_PREVIEW_TOKEN ?? '',
  },
  async headers() {
    return [{ source: '/api/:path*', headers: [{ key: 'X-Api-Key-Header', value: 'X-Kestrel-Key' }] }];
  },
};

export default nextConfig;
