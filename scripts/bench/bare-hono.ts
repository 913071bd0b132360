// The framework's floor, for the benches to measure beside the gateway in the same run: a bare Hono app
// on @hono/node-server answering the same routes with a small JSON body, no domain, no journal. Started
// by test/support/loopback.ts (`entry`), it prints where it listens the way the server does.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const app = new Hono()
let next = 0
const answer = { ok: true, id: '', at: '' }
app.post('/api/__test/worlds', (c) =>
  c.json({ world: `w${++next}`, expiresAt: new Date().toISOString() }, 201),
)
app.delete('/api/__test/worlds/:world', (c) => c.json({ ok: true }))
app.post('/api/*', async (c) => {
  const body: unknown = await c.req.json().catch(() => null)
  return c.json({ ...answer, id: String(++next), at: new Date().toISOString(), got: body !== null })
})
app.get('/api/*', (c) => c.json({ ...answer, id: String(next) }))

serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`bare hono at http://localhost:${info.port}/\n`)
})
process.on('SIGINT', () => process.exit(0))
