/**
 * The production server (src/server/main.ts) on a loopback port, serving a build folder, with its
 * journal in memory: what the browser figures are measured against.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
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

function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done()
    else child.once('exit', () => done())
  })
}

export async function startAppServer(dist: string, port: number): Promise<AppServer> {
  const origin = `http://127.0.0.1:${port}`
  if (await healthy(origin)) throw new Error(`port ${port} is taken: pass another with --port`)
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      GATEWAY_DATA: 'memory',
      DIST_DIR: dist,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const stop = async () => {
    child.kill('SIGINT')
    await exited(child)
  }
  // Polling the health route: the server prints nothing we could wait on that is meant for machines.
  const deadline = Date.now() + 30_000
  while (!(await healthy(origin))) {
    if (child.exitCode !== null)
      throw new Error(`the server on port ${port} exited (${child.exitCode})`)
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`the server on port ${port} did not answer /api/health within 30 s`)
    }
    await sleep(100)
  }
  return { origin, stop }
}
