// The framework's floor, for the benches to measure beside the gateway in the same run: a bare Hono app
// on @hono/node-server answering the same routes with a small JSON body, no domain, no journal. Started
// by test/support/loopback.ts (`entry`), it prints where it listens the way the server does.
// The three calls of a create-and-pay cycle (scripts/bench/cycles.ts) answer what the cycle reads (a
// `checkoutId`, a payment `id`) with the gateway's statuses, so the same load client drives both.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import type { Context } from 'hono'

const app = new Hono()
let next = 0
const answer = { ok: true, id: '', at: '' }
/** Reads the JSON body as the gateway does: a route's work starts from a parsed body. */
const body = async (c: Context): Promise<unknown> => c.req.json().catch(() => null)

app.post('/api/__test/worlds', (c) =>
  c.json({ world: `w${++next}`, expiresAt: new Date().toISOString() }, 201),
)
app.delete('/api/__test/worlds/:world', (c) => c.json({ ok: true }))
app.post('/api/shop/orders', async (c) => {
  const got = (await body(c)) !== null
  const id = String(++next)
  return c.json({ ...answer, checkoutId: id, id, at: new Date().toISOString(), got }, 201)
})
app.post('/api/pay/payments', async (c) => {
  const got = (await body(c)) !== null
  return c.json({ ...answer, id: String(++next), at: new Date().toISOString(), got }, 201)
})
app.post('/api/*', async (c) => {
  const got = (await body(c)) !== null
  return c.json({ ...answer, id: String(++next), at: new Date().toISOString(), got })
})
app.get('/api/*', (c) => c.json({ ...answer, id: String(next) }))

serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`bare hono at http://localhost:${info.port}/\n`)
})
process.on('SIGINT', () => process.exit(0))
