import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { firstFramePlugin } from './src/server/first-frame.ts'
import { gatewayDevPlugin } from './src/server/vite-plugin.ts'

export default defineConfig({
  plugins: [react(), gatewayDevPlugin(), firstFramePlugin()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // .vite/manifest.json: the chunk graph `npm run bench` reads to weigh each lazily loaded screen.
    manifest: true,
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    // The long checks (big journals, a real full disk, kills under load): `npm run test:slow`.
    exclude: ['**/node_modules/**', '**/*.slow.test.ts'],
    environment: 'node',
  },
})
