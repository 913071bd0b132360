// The build's step for the production server (decision 017): src/server/main.ts and everything it
// imports (hono, @hono/node-server, zod, the app's own modules) bundled into one plain JavaScript file,
// `<outDir>/server/main.mjs`, so a start is `node dist/server/main.mjs`: no TypeScript to transform, no
// two hundred modules to resolve and load. Only vite.config.ts (and tests) import this file: the server
// does not load Vite or the bundler.
import { resolve } from 'node:path'
import { build as bundle } from 'rolldown'
import type { Plugin } from 'vite'
import { serverBundleOf, SERVER_SOURCE } from './server-bundle.ts'

/**
 * Bundles the server into `<outDir>/server/main.mjs`, from the sources under `root`: one ESM file for
 * Node 20 with every package inside it (a build may be run from outside the repo, away from its
 * node_modules, as DIST_DIR builds are), Node's builtins left to Node. Not minified: a stack trace
 * names the server's own functions and lines (minifying saved no measurable start time, decision 017).
 * The server's one runtime import, the first frame's renderer (`<dist>/ssr/`, first-frame.ts), stays
 * one: its path is the build's, known only when the server runs. Returns the file's path.
 */
export async function buildServerBundle(outDir: string, root = process.cwd()): Promise<string> {
  const file = serverBundleOf(outDir)
  await bundle({
    input: resolve(root, SERVER_SOURCE),
    cwd: root,
    platform: 'node',
    // As vite.config.ts resolves `@` (the server itself does not use it, a shared module might).
    resolve: { alias: { '@': resolve(root, 'src') } },
    transform: { target: 'node20' },
    external: [/^node:/],
    logLevel: 'warn',
    output: {
      file,
      format: 'esm',
      minify: false,
      // One file: the lab's lazily imported study report too (lab/routes.ts), a few KB.
      codeSplitting: false,
      banner: `// The production server, bundled by \`vite build\` from ${SERVER_SOURCE} (server-bundle-plugin.ts).`,
    },
  })
  return file
}

/** The Vite build's step: the server bundled beside the app, in `<outDir>/server/`. */
export function serverBundlePlugin(): Plugin {
  let outDir = 'dist'
  let root = process.cwd()
  return {
    name: 'tbsim-server-bundle',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
      root = config.root
    },
    async writeBundle() {
      await buildServerBundle(outDir, root)
    },
  }
}
