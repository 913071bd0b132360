// npm run bench:console [-- --events 500 --concurrency 1]
// The production server (GATEWAY_DATA=memory) on a free loopback port, a fresh world, and its console
// stream (`GET /api/console/events`) open: orders are placed (`POST /api/shop/orders`) and each one's
// `order.created` entry is awaited on the stream. Printed: the time from each call's answer to its
// entry's arrival, and from the call's start (p50/p95/max; target p95 < 100 ms, docs/console.md).
import { request } from 'node:http'
import type { IncomingMessage } from 'node:http'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { ConsoleEntrySchema } from '../../src/contract/console.ts'
import { jsonClient, startServer, stopServer } from '../../test/support/loopback.ts'
import { must, stockForLoad } from './test-calls.ts'
import { spread } from './stats.ts'
import type { Spread } from './stats.ts'

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '1' },
    warmup: { type: 'string', default: '50' },
  },
})
const EVENTS = Number(values.events)
const CONCURRENCY = Math.max(1, Number(values.concurrency))
const WARMUP = Number(values.warmup)
const TARGET_P95_MS = 100

/** The world's console stream: when each order's `order.created` entry arrived (performance.now()). */
function follow(port: number, world: string) {
  const arrived = new Map<string, number>()
  const waiting = new Map<string, (at: number) => void>()
  let buffer = ''
  let response: IncomingMessage | null = null
  const take = (block: string) => {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart())
      .join('')
    if (!/^event: entry$/m.test(block) || data === '') return
    const at = performance.now()
    const entry = ConsoleEntrySchema.parse(JSON.parse(data))
    const orderId = entry.refs.orderId
    if (entry.type !== 'order.created' || !orderId) return
    arrived.set(orderId, at)
    waiting.get(orderId)?.(at)
    waiting.delete(orderId)
  }
  const opened = new Promise<void>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/console/events?world=${world}`,
        headers: { accept: 'text/event-stream' },
      },
      (res) => {
        response = res
        if (res.statusCode !== 200) return reject(new Error(`console stream: ${res.statusCode}`))
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          buffer += chunk
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            take(buffer.slice(0, end))
            buffer = buffer.slice(end + 2)
          }
        })
        resolve()
      },
    )
    req.on('error', reject)
    req.end()
  })
  return {
    opened,
    /** When the order's entry arrived (at once if it already has). */
    arrival(orderId: string): Promise<number> {
      const at = arrived.get(orderId)
      if (at !== undefined) return Promise.resolve(at)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no entry for ${orderId} within 10 s`)),
          10_000,
        )
        waiting.set(orderId, (seen) => {
          clearTimeout(timer)
          resolve(seen)
        })
      })
    },
    close: () => void response?.destroy(),
  }
}

const ms = (x: number) => `${x.toFixed(2)} ms`
const line = (label: string, s: Spread) =>
  `${label.padEnd(34)} n ${s.n}  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  max ${ms(s.max)}`

const server = await startServer({ data: 'memory', stderr: 'inherit' })
const api = jsonClient(server.port, CONCURRENCY * 2 + 2)
let closeStream = () => {}
try {
  const world = String((await must(api, 'POST', '/api/__test/worlds', {})).world)
  const headers = { 'x-sim-world': world }
  await stockForLoad(api, world)
  const entries = follow(server.port, world)
  closeStream = entries.close
  await entries.opened
  let key = 0
  /** One order: when its answer came, and when its entry came on the stream. */
  const placeOne = async () => {
    const started = performance.now()
    const order = await must(
      api,
      'POST',
      '/api/shop/orders',
      { lines: [{ skuId: 'sku-mug-150', qty: 1 }], addressId: 'addr-hz' },
      { ...headers, 'idempotency-key': `bench-console-${++key}` },
    )
    const answered = performance.now()
    // One SKU: one shop, so the checkout's one order has its id.
    const seen = await entries.arrival(String(order.checkoutId))
    return { afterAnswer: Math.max(0, seen - answered), afterStart: seen - started }
  }
  for (let i = 0; i < WARMUP; i++) await placeOne()
  const afterAnswer: number[] = []
  const afterStart: number[] = []
  let left = EVENTS
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) {
        const one = await placeOne()
        afterAnswer.push(one.afterAnswer)
        afterStart.push(one.afterStart)
      }
    }),
  )
  const answer = spread(afterAnswer)
  console.log(
    `\n== console stream latency, ${EVENTS} orders, ${CONCURRENCY} in flight (loopback, memory) ==`,
  )
  console.log(line('answer → SSE frame', answer))
  console.log(line('call start → SSE frame', spread(afterStart)))
  console.log(
    `target p95 < ${TARGET_P95_MS} ms (answer → frame): ${answer.p95 < TARGET_P95_MS ? 'ok' : 'OVER'}`,
  )
} finally {
  closeStream()
  await stopServer(server)
}
