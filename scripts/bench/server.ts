/**
 * The production server (src/server/main.ts) on a loopback port, serving a build folder, with its
 * journal in memory: what the browser figures are measured against.
 */
import { startServer, stopServer } from '../../test/support/loopback.ts'
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
  const server = await startServer({ data: 'memory', port, cwd: ROOT, env: { DIST_DIR: dist } })
  return { origin: server.origin, stop: () => stopServer(server) }
}
