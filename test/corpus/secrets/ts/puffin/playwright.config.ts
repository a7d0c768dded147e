import { defineConfig, devices } from '@playwright/test';

export default defineConfig({
  testDir: './e2e',
  use: {
    baseURL: 'https://staging.puffin-ferries.test',
    httpCredentials: { username: 'qa', password: 'Jb^6I1axGHgVQx_wps!X' },
    extraHTTPHeaders: {
      Authorization: `Bearer ${process.env.E2E_TOKEN}`,
      'x-vercel-protection-bypass': process.env.VERCEL_AUTOMATION_BYPASS_SECRET ?? '',
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
});
