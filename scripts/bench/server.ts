/**
 * The production server on a loopback port, serving a build folder, with its journal in memory: what the
 * browser figures are measured against. The build's own server bundle, as `npm start` runs it (decision
 * 017); src/server/main.ts through tsx for a build without one.
 */
import { existsSync } from 'node:fs'
import { startServer, stopServer } from '../../test/support/loopback.ts'
import { serverBundleOf } from '../../src/server/server-bundle.ts'
import { ROOT } from './root.ts'

export interface AppServer {
  origin: string
  stop: () => Promise<void>
}

async function healthy(origin: string): Promise<boolean> {
  try {
    return (await fetch(`${origin}/api/health`)).ok
  } catch {
    return false
  }
}

export async function startAppServer(dist: string, port: number): Promise<AppServer> {
  if (await healthy(`http://127.0.0.1:${port}`))
    throw new Error(`port ${port} is taken: pass another with --port`)
  const bundle = serverBundleOf(dist)
  const server = await startServer({
    data: 'memory',
    port,
    cwd: ROOT,
    env: { DIST_DIR: dist },
    ...(existsSync(bundle) ? { bundle } : {}),
  })
  return { origin: server.origin, stop: () => stopServer(server) }
}
