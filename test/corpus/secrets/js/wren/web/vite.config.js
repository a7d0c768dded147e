import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue()],
  define: {
    __APP_VERSION__: JSON.stringify(process.env.npm_package_version),
    __OUTAGE_MAP_API_KEY__: JSON.stringify('kyKlC0nWv7E2MxzXPF4kNwRULGX19uaH'),
  },
  server: { port: 5174 },
});
