import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
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

/**
 * react-router's module-level `React.forwardRef(…)`, `createContext(…)` and `memo(…)` calls carry no pure
 * annotation, so the bundler keeps every component they make (NavLink, Form, …) whether or not anything
 * uses it. They are pure: mark them so, in react-router's own build only. Their `displayName`s (writes the
 * bundler must keep) only name them in React's developer tools, which a production build does not serve.
 */
function pureReactRouterComponents(): Plugin {
  return {
    name: 'pure-react-router-components',
    apply: 'build',
    transform: {
      filter: { id: /react-router[\\/]dist[\\/]production[\\/]chunk-/ },
      handler(code) {
        const pure = code
          .replace(
            /^(var \w+ = )(React\d*\.(?:forwardRef|createContext|memo)\()/gm,
            '$1/* @__PURE__ */ $2',
          )
          .replace(/^\w+\.displayName = "[^"]*";$/gm, '')
        // Every line stays where it was, so react-router's own source map still fits.
        return { code: pure, map: null }
      },
    },
  }
}

/** Where the phone's own unit tests live (vitest's `client` project below). */
const CLIENT_TESTS = ['src/features', 'src/lib', 'src/ui', 'src/app', 'src/contract']
const SERVER_TESTS = ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'test/**/*.test.ts']
/** Server tests that count the process's timers or weigh its memory (vitest's `process` project). */
const MEASURE_PROCESS = ['src/server/http/streams.loopback.test.ts']
/** The long checks (big journals, a real full disk, kills under load): `npm run test:slow`. */
const NOT_UNIT = ['**/node_modules/**', '**/*.slow.test.ts']

export default defineConfig(({ command }) => ({
  plugins: [
    react(),
    pureReactRouterComponents(),
    gatewayDevPlugin(),
    firstFramePlugin(),
    serverBundlePlugin(),
  ],
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
    // Every browser the app supports preloads modules itself (modulepreload: Chrome 66, Safari 17).
    modulePreload: { polyfill: false },
    // .vite/manifest.json: the chunk graph `npm run bench` reads to weigh each lazily loaded screen.
    manifest: true,
    rolldownOptions: {
      output: {
        // Lazy chunks and styles by their hash alone: `/` carries the list of their files (to preload a
        // screen's dependencies with it), and the names were 0.6 KB gzip of it; seven characters of hash
        // (42 bits, for fewer than a hundred files) rather than eight save 60 bytes more. The manifest still
        // names them.
        chunkFileNames: 'assets/[hash:7].js',
        assetFileNames: 'assets/[hash:7][extname]',
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
    exclude: NOT_UNIT,
    environment: 'node',
    // A file's `vi.stubEnv` ends with its test: files share a worker's process.
    unstubEnvs: true,
    projects: [
      {
        // The phone's code (flows, screens, words): its files share a worker's modules (React, the
        // dictionaries, happy-dom) rather than each loading its own, 27 s → 8 s on two cores; they pass
        // in any order (`--sequence.shuffle`).
        extends: true,
        test: {
          name: 'client',
          include: CLIENT_TESTS.map((dir) => `${dir}/**/*.test.{ts,tsx}`),
          isolate: false,
        },
      },
      {
        // The server's: its files share a worker's modules too (126 s → 59 s on two cores); they pass in
        // any order (`--sequence.shuffle`); what their modules keep is caches (keys, ids, the OpenAPI doc).
        extends: true,
        test: {
          name: 'server',
          include: SERVER_TESTS,
          exclude: [...NOT_UNIT, ...CLIENT_TESTS.map((dir) => `${dir}/**`), ...MEASURE_PROCESS],
          isolate: false,
        },
      },
      {
        // The files that measure the process itself (its timers, its memory): each in a process of its
        // own, where no other file's leftovers skew the count.
        extends: true,
        test: { name: 'process', include: MEASURE_PROCESS },
      },
    ],
  },
}))
