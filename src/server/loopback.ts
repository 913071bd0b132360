// The production server (`main.ts`) as a child process on a free loopback port, and a lean keep-alive
// client for it: what the gateway bench and the soak drive the API with.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

export interface LoopbackServer {
  child: ChildProcess
  port: number
  /** What the server wrote to stderr, when started with `stderr: 'collect'`. */
  stderr: string[]
}

export interface StartOptions {
  /** `GATEWAY_DATA`: a folder, or `memory`. */
  data: string
  /** Flags for node itself (e.g. `--cpu-prof`). */
  nodeFlags?: string[]
  /** Passed through to the terminal, or collected line by line (to count and show a few). */
  stderr?: 'inherit' | 'collect'
  env?: Record<string, string>
}

/** Starts `src/server/main.ts` with tsx's loader in this very process tree (the pid is the server's). */
export function startServer(options: StartOptions): Promise<LoopbackServer> {
  const loader = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href
  const collect = options.stderr === 'collect'
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), '--import', loader, resolve('src/server/main.ts')],
    {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        GATEWAY_DATA: options.data,
        NODE_ENV: 'production',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', collect ? 'pipe' : 'inherit'],
    },
  )
  const stderr: string[] = []
  let partial = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n')
    partial = lines.pop() ?? ''
    stderr.push(...lines.filter((line) => line.trim() !== ''))
  })
  return new Promise((done, fail) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /http:\/\/localhost:(\d+)\//.exec(out)
      if (match) done({ child, port: Number(match[1]), stderr })
    })
    child.once('exit', (code) => fail(new Error(`server exited (${code}): ${out}`)))
  })
}

/** SIGINT, and waits for the exit. */
export function stopServer(server: LoopbackServer): Promise<void> {
  return new Promise((done) => {
    server.child.removeAllListeners('exit')
    if (server.child.exitCode !== null) return done()
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

/** Latency samples, and their quantiles. */
export class Latencies {
  readonly samples: number[] = []
  add(ms: number) {
    this.samples.push(ms)
  }
  quantile(q: number): number {
    const sorted = Float64Array.from(this.samples).sort()
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
  }
}

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
