// Where a build keeps the production server (server-bundle-plugin.ts bundles it, decision 017): one file,
// `<dist>/server/main.mjs`, started with plain `node`. Only node:path: main.ts, the tests and the Playwright
// config read these names without loading the bundler.
import { join } from 'node:path'

/** The bundle's folder in a build: served to no one (main.ts answers 404 under it). */
export const SERVER_DIR = 'server'
/** What is bundled: the server's entry. */
export const SERVER_SOURCE = 'src/server/main.ts'
export const SERVER_FILE = 'main.mjs'

/** The built server of the build in `distRoot`. */
export const serverBundleOf = (distRoot: string) => join(distRoot, SERVER_DIR, SERVER_FILE)
