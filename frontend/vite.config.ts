/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { routePreloads } from './vite-plugins/routePreloads.ts'

// The dev server proxies the API, so the SPA talks to it same-origin as it does in production.
const api = process.env.FRONTDOOR_API ?? 'http://127.0.0.1:8000'

export default defineConfig({
  plugins: [react(), routePreloads()],
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
    },
  },
  build: {
    sourcemap: false,
    // dist/.vite/manifest.json: scripts/bundle-size.mjs follows each public page's static imports.
    manifest: true,
    reportCompressedSize: true,
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    // A browser far from the city (America/New_York, the API's default): screens must show the city's times.
    env: { TZ: 'Asia/Tokyo' },
    include: ['src/**/*.test.{ts,tsx}'],
    coverage: {
      provider: 'v8',
      include: ['src/features/**/*.{ts,tsx}'],
      exclude: ['src/**/*.test.{ts,tsx}', 'src/**/*.test-data.ts', 'src/**/testData.ts', 'src/**/index.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 70 },
    },
  },
})
