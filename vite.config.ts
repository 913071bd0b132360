import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { firstFramePlugin } from './src/server/first-frame.ts'
import { gatewayDevPlugin } from './src/server/vite-plugin.ts'

// react-router's package exports only its development build (warnings, invariants, dev-only checks):
// a production build takes its production one, about 3 KB gzip lighter in the first chunk.
const reactRouterProduction = fileURLToPath(
  new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
)

interface ModuleGraph {
  getModuleInfo(id: string): { isEntry: boolean; importers: readonly string[] } | null
}
const bootModules = new Map<string, boolean>()
/** Whether `/`'s entry reaches the module through static imports alone (its first chunk). */
function isBoot(id: string, graph: ModuleGraph, seen = new Set<string>()): boolean {
  const known = bootModules.get(id)
  if (known !== undefined) return known
  if (seen.has(id)) return false
  seen.add(id)
  const info = graph.getModuleInfo(id)
  const boot = !!info && (info.isEntry || info.importers.some((by) => isBoot(by, graph, seen)))
  bootModules.set(id, boot)
  return boot
}

export default defineConfig(({ command }) => ({
  plugins: [react(), gatewayDevPlugin(), firstFramePlugin()],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      ...(command === 'build'
        ? [{ find: /^react-router$/, replacement: reactRouterProduction }]
        : []),
    ],
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // .vite/manifest.json: the chunk graph `npm run bench` reads to weigh each lazily loaded screen.
    manifest: true,
    rolldownOptions: {
      output: {
        // Lazy chunks and styles by their hash alone: `/` carries the list of their files (to preload a
        // screen's dependencies with it), and the names were 0.6 KB gzip of it. The manifest still names them.
        chunkFileNames: 'assets/[hash].js',
        assetFileNames: 'assets/[hash][extname]',
        codeSplitting: {
          // Everything `/` imports statically in one chunk beside the entry, rather than the five
          // shared chunks the bundler would cut from it for the lazy screens: each file is gzipped on
          // its own, so five small ones weigh about 2 KB more than the same code in one.
          groups: [{ name: (id, ctx) => (isBoot(id, ctx) ? 'boot' : null) }],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    // The long checks (big journals, a real full disk, kills under load): `npm run test:slow`.
    exclude: ['**/node_modules/**', '**/*.slow.test.ts'],
    environment: 'node',
  },
}))
