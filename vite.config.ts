import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { firstFramePlugin } from './src/server/first-frame-plugin.ts'
import { serverBundlePlugin } from './src/server/server-bundle-plugin.ts'
import { gatewayDevPlugin } from './src/server/vite-plugin.ts'

// react-router's package exports only its development build (warnings, invariants, dev-only checks):
// a production build takes its production one, 0.5 KB gzip lighter in the first chunk.
const reactRouterProduction = fileURLToPath(
  new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
)

interface ModuleGraph {
  getModuleInfo(id: string): { isEntry: boolean; importers: readonly string[] } | null
}
const bootModules = new Set<string>()
/**
 * Whether `/`'s entry reaches the module through static imports alone (its first chunk): some chain of
 * static importers leads up to the entry (a search up the importers, each visited once). Only a yes is
 * remembered across modules: a no reached through a module the search had already visited may be a yes
 * for that module by another way in.
 */
function isBoot(id: string, graph: ModuleGraph, seen = new Set<string>()): boolean {
  if (bootModules.has(id)) return true
  if (seen.has(id)) return false
  seen.add(id)
  const info = graph.getModuleInfo(id)
  const boot = !!info && (info.isEntry || info.importers.some((by) => isBoot(by, graph, seen)))
  if (boot) bootModules.add(id)
  return boot
}

export default defineConfig(({ command }) => ({
  plugins: [react(), gatewayDevPlugin(), firstFramePlugin(), serverBundlePlugin()],
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
