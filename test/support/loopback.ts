// The production server (`main.ts`) as a child process on a loopback port, and a lean keep-alive
// client for it: what the benches, the soak and the server's own loopback tests drive it with.
// Tooling, not product: nothing under src/ but tests imports it.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href
const MAIN_TS = join(ROOT, 'src/server/main.ts')
const START_TIMEOUT_MS = 30_000

export interface LoopbackServer {
  child: ChildProcess
  port: number
  /** `http://127.0.0.1:<port>`, what to fetch from. */
  origin: string
  /** What the server wrote to stderr, when started with `stderr: 'collect'`. */
  stderr: string[]
}

export interface StartOptions {
  /** `GATEWAY_DATA`: a folder, or `memory`. */
  data: string
  /** A fixed port; by default a free one the system picks. */
  port?: number
  /** The server's working folder (where a relative `dist/` is); by default this process's. */
  cwd?: string
  /** Another script to start in its place, printing where it listens the same way (the benches' bare Hono baseline). */
  entry?: string
  /**
   * A build's server bundle (`<dist>/server/main.mjs`, decision 017) to start with plain node, as `npm
   * start` does, instead of main.ts through tsx. By default SERVER_BUNDLE's, if set (and no `entry`):
   * `SERVER_BUNDLE=dist/server/main.mjs npx vitest run src/server` runs the loopback tests on the build.
   */
  bundle?: string
  /** Flags for node itself (e.g. `--cpu-prof`). */
  nodeFlags?: string[]
  /** Passed to the terminal (the default), or collected line by line (to count and show a few). */
  stderr?: 'inherit' | 'collect'
  env?: Record<string, string>
  /** How long the start may take (default 30 s; a big journal's first replay takes longer). */
  timeoutMs?: number
}

/**
 * Starts `src/server/main.ts` with tsx's loader (or a build's bundle of it, `bundle`) in this very process
 * tree (the child's pid is the server's, so a kill -9 hits the server itself); resolves once it prints
 * where it listens.
 */
export function startServer(options: StartOptions): Promise<LoopbackServer> {
  const collect = options.stderr === 'collect'
  const bundle =
    options.bundle ??
    (options.entry === undefined ? process.env.SERVER_BUNDLE || undefined : undefined)
  const script = bundle ? [resolve(bundle)] : ['--import', TSX_LOADER, options.entry ?? MAIN_TS]
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...script], {
    cwd: options.cwd,
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      GATEWAY_DATA: options.data,
      NODE_ENV: 'production',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', collect ? 'pipe' : 'inherit'],
  })
  const stderr: string[] = []
  let partial = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n')
    partial = lines.pop() ?? ''
    stderr.push(...lines.filter((line) => line.trim() !== ''))
  })
  return new Promise((done, fail) => {
    let out = ''
    const output = () => [out.trim(), ...stderr, partial.trim()].filter(Boolean).join('\n')
    const timeoutMs = options.timeoutMs ?? START_TIMEOUT_MS
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`the server did not start within ${timeoutMs / 1000} s: ${output()}`))
    }, timeoutMs)
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /http:\/\/localhost:(\d+)\//.exec(out)
      if (!match) return
      clearTimeout(timer)
      const port = Number(match[1])
      done({ child, port, origin: `http://127.0.0.1:${port}`, stderr })
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      fail(new Error(`server exited (${code ?? signal}): ${output()}`))
    })
  })
}

/** SIGINT, and waits for the exit. */
export function stopServer(server: LoopbackServer): Promise<void> {
  return new Promise((done) => {
    server.child.removeAllListeners('exit')
    if (server.child.exitCode !== null || server.child.signalCode !== null) return done()
    server.child.once('exit', () => done())
    server.child.kill('SIGINT')
  })
}

export interface Answer {
  status: number
  text: string
}

/** A minimal keep-alive JSON client: the load generator must not be the bottleneck. */
export function jsonClient(port: number, maxSockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets })
  return {
    agent,
    call(
      method: string,
      path: string,
      body?: string,
      headers: Record<string, string> = {},
    ): Promise<Answer> {
      return new Promise((done, fail) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method,
            path,
            agent,
            headers: body ? { 'content-type': 'application/json', ...headers } : headers,
          },
          (res) => {
            let text = ''
            res.setEncoding('utf8')
            res.on('data', (chunk: string) => (text += chunk))
            res.on('end', () => done({ status: res.statusCode ?? 0, text }))
          },
        )
        req.on('error', fail)
        req.end(body)
      })
    },
  }
}

export type JsonClient = ReturnType<typeof jsonClient>

/** CPU seconds (user + system) the process has used so far (Linux), or NaN elsewhere. */
export function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return NaN
  }
}
