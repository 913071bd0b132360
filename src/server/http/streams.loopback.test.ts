// The event streams over a real loopback server (app.request has no sockets to abort): HEADs, streams
// the client drops in every way, and a reset, leave memory, listeners and timers where they were.
import { request } from 'node:http'
import { connect } from 'node:net'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { serve } from '@hono/node-server'
import type { ServerType } from '@hono/node-server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { FriendRequestSchema } from '../../contract/friend-pay.ts'
import { harness } from './testing.ts'
import type { Harness } from './testing.ts'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const HEADS = 20_000
const ABORTS = 2_000
const MiB = 1024 * 1024

let h: Harness
let server: ServerType
let port = 0
let paths: string[] = []
/** Live-log subscriptions made and not yet undone, counted apart from the stream registry's own count. */
let subscribed = 0

beforeAll(async () => {
  h = harness()
  const subscribe = h.live.subscribe.bind(h.live)
  h.live.subscribe = (orderId, listener, onReset) => {
    subscribed += 1
    const unsubscribe = subscribe(orderId, listener, onReset)
    let done = false
    return () => {
      if (!done) subscribed -= 1
      done = true
      unsubscribe()
    }
  }
  server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  port = (server.address() as AddressInfo).port
})

// Each test watches an order of its own: the reset test wipes the world, so the other must not depend on
// running first (`--sequence.shuffle` runs them in either order).
beforeEach(async () => {
  const order = await h.order()
  const asked = await h.json('POST', '/api/pay/friend-requests', {
    body: { orderId: order.id },
    headers: { 'idempotency-key': h.newKey() },
  })
  const token = FriendRequestSchema.parse(asked.body).token
  paths = [`/api/shop/orders/${order.id}/events`, `/api/pay/friend-requests/${token}/events`]
})

afterAll(async () => {
  ;(server as Server).closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

/** Heartbeats and other timers alive in this process. */
const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length

function memory() {
  for (let i = 0; i < 3; i++) gc()
  const { rss, heapUsed } = process.memoryUsage()
  return { rss: rss / MiB, heap: heapUsed / MiB }
}

/** `count` calls of `one`, `width` at a time. */
async function inParallel(count: number, width: number, one: (i: number) => Promise<void>) {
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await one(next++)
    }),
  )
}

/**
 * `count` HEADs of `path` on one keep-alive socket, pipelined `batch` at a time (a lean client: the load
 * must cost the server, not the test); resolves with how many answered 200.
 */
function heads(path: string, count: number, batch = 50): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port })
    const one = `HEAD ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`
    let sent = 0
    let answered = 0
    let ok = 0
    let tail = ''
    const send = () => {
      const n = Math.min(batch, count - sent)
      sent += n
      socket.write(one.repeat(n))
    }
    socket.setEncoding('latin1')
    socket.on('error', reject)
    socket.on('connect', send)
    socket.on('data', (chunk: string) => {
      // A HEAD answer is its head only: count the heads, and the 200s among them.
      const text = tail + chunk
      const heads = text.split('\r\n\r\n')
      tail = heads.pop() ?? ''
      for (const block of heads) {
        answered += 1
        if (block.startsWith('HTTP/1.1 200 ')) ok += 1
      }
      if (answered === count) {
        socket.end()
        resolve(ok)
      } else if (answered === sent) send()
    })
  })
}

type Abort = 'close' | 'reset' | 'early'

/**
 * Opens a stream and drops it: `close` after its first frame (FIN), `reset` after it (RST: the server's
 * next write fails), `early` before any answer comes back (the server streams into a closed socket).
 */
function dropStream(path: string, how: Abort): Promise<void> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false })
    req.on('error', () => resolve())
    req.on('close', () => resolve())
    if (how === 'early') {
      req.on('socket', (socket) => socket.once('connect', () => setImmediate(() => req.destroy())))
    }
    req.on('response', (res) => {
      res.once('data', () => {
        if (how === 'reset') req.socket?.resetAndDestroy()
        else req.destroy()
      })
    })
    req.end()
  })
}

async function settled(): Promise<void> {
  const deadline = Date.now() + 5000
  while (h.streams.stats.open > 0 || subscribed > 0) {
    if (Date.now() > deadline) break
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('event streams over loopback', () => {
  it(`${HEADS} HEADs and ${ABORTS} dropped streams leave memory, listeners and heartbeats where they were`, async () => {
    // Warm up (JIT, pools), then take the baseline.
    await Promise.all(paths.map((path) => heads(path, 500)))
    await inParallel(50, 16, (i) => dropStream(paths[i % 2] ?? '', 'close'))
    await settled()
    const timersBefore = timers()
    const before = memory()

    const started = performance.now()
    const SOCKETS = 16
    const answered = await Promise.all(
      Array.from({ length: SOCKETS }, (_, i) => heads(paths[i % 2] ?? '', HEADS / SOCKETS)),
    )
    const headsMs = performance.now() - started
    expect(answered.reduce((a, b) => a + b, 0)).toBe(HEADS)
    expect(h.streams.stats).toMatchObject({ open: 0, listeners: 0, heartbeats: 0 })
    expect(subscribed).toBe(0)
    const afterHeads = memory()

    const kinds: Abort[] = ['close', 'reset', 'early']
    const dropped = performance.now()
    await inParallel(ABORTS, 32, (i) => dropStream(paths[i % 2] ?? '', kinds[i % 3] ?? 'close'))
    await settled()
    const abortsMs = performance.now() - dropped
    const after = memory()

    const fmt = (m: { rss: number; heap: number }) =>
      `rss ${m.rss.toFixed(1)} MiB, heap ${m.heap.toFixed(1)} MiB`
    console.log(
      [
        `[streams] before: ${fmt(before)}`,
        `[streams] after ${HEADS} HEADs (${(headsMs / 1000).toFixed(1)} s): ${fmt(afterHeads)}`,
        `[streams] after ${ABORTS} dropped streams (${(abortsMs / 1000).toFixed(1)} s): ${fmt(after)}`,
        `[streams] heap growth ${(after.heap - before.heap).toFixed(1)} MiB, rss growth ${(after.rss - before.rss).toFixed(1)} MiB; open streams ${h.streams.stats.open}, listeners ${subscribed}, heartbeats ${h.streams.stats.heartbeats}, timers ${timers()} (were ${timersBefore})`,
      ].join('\n'),
    )
    expect(h.streams.stats).toEqual({ open: 0, orders: 0, listeners: 0, heartbeats: 0 })
    expect(subscribed).toBe(0)
    expect(timers()).toBeLessThanOrEqual(timersBefore)
    // Before the fix 20,000 HEADs alone took a server from 96 to 742 MiB. The heap after a GC is back
    // within a few MiB (noise of the JIT and pools); RSS is the allocator's to give back, so it gets a
    // looser bound.
    expect(after.heap - before.heap).toBeLessThan(8)
    expect(after.rss - before.rss).toBeLessThan(64)
  }, 120_000)

  it('a reset ends every open stream, and what they held is freed', async () => {
    // 30: under the cap of 32 per order (both paths watch the one order).
    const ends = await Promise.all(
      Array.from(
        { length: 30 },
        (_, i) =>
          new Promise<string>((resolve, reject) => {
            const req = request({ host: '127.0.0.1', port, path: paths[i % 2], agent: false })
            req.on('error', reject)
            req.on('response', (res) => {
              let text = ''
              res.setEncoding('utf8')
              res.on('data', (chunk: string) => (text += chunk))
              res.on('end', () => resolve(text))
            })
            req.end()
          }),
      ).map(async (ended, i) => {
        if (i === 29) {
          // Every stream is open (its snapshot sent) before the reset.
          const deadline = Date.now() + 5000
          while (h.streams.stats.open < 30 && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 10))
          }
          expect(h.streams.stats.open).toBe(30)
          expect(subscribed).toBe(30)
          await h.json('POST', '/api/__test/reset')
        }
        return ended
      }),
    )
    for (const text of ends) expect(text).toMatch(/^retry: 1000|data: /m)
    await settled()
    expect(h.streams.stats).toEqual({ open: 0, orders: 0, listeners: 0, heartbeats: 0 })
    expect(subscribed).toBe(0)
  })
})
