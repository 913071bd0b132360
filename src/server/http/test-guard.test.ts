import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { afterAll, describe, expect, it } from 'vitest'
import { ApiErrorSchema } from '../../contract/errors.ts'
import { lanAddress, startBanner } from '../banner.ts'
import {
  isLocalHostName,
  isLoopbackAddress,
  newTestToken,
  processTestToken,
  socketAddress,
} from './test-guard.ts'
import { harness } from './testing.ts'
import type { Harness } from './testing.ts'

const TOKEN = 'test-token-for-the-guard-0123'

/** Every state-changing test route, with a body it would accept. */
const CHANGING: [string, unknown][] = [
  ['/api/__test/reset', undefined],
  ['/api/__test/clock', { advanceMs: 60_000 }],
  ['/api/__test/faults', { notify: 'drop' }],
  ['/api/__test/settings', { huabeiFeeBp: { '3': 300 } }],
  ['/api/__test/wallets', { persona: 'shopper', wallet: { alipayBalanceFen: 1 } }],
  ['/api/__test/stock', { skuId: 'sku-earbuds-anc', stock: 0 }],
]
const READING = ['/api/__test/state', '/api/__test/faults', '/api/__test/settings'] as const

async function refusal(res: Response) {
  return { status: res.status, ...ApiErrorSchema.parse(await res.json()) }
}

/** What the test API could change, as it stands. */
async function world(h: Harness) {
  const state = await h.state()
  return {
    state,
    faults: (await h.json('GET', '/api/__test/faults')).body,
    settings: (await h.json('GET', '/api/__test/settings')).body,
  }
}

describe('the test API refuses pages of other origins', () => {
  it('403 CROSS_SITE_FORBIDDEN for a foreign or null Origin, or Sec-Fetch-Site: cross-site; nothing changes', async () => {
    const h = harness()
    await h.order()
    const before = await world(h)
    const foreign: Record<string, string>[] = [
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { origin: 'http://localhost:8080' }, // another port is another origin
      { origin: 'https://localhost' }, // another scheme too
      { origin: 'http://localhost.evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'http://localhost', 'sec-fetch-site': 'cross-site' },
      // A valid token does not make a foreign page's post acceptable.
      { origin: 'http://evil.example', 'x-sim-test-token': TOKEN },
    ]
    for (const [path, body] of CHANGING) {
      for (const headers of foreign) {
        const res = await h.call('POST', path, { body, headers })
        const answer = await refusal(res)
        expect(answer, `${path} ${JSON.stringify(headers)}`).toMatchObject({
          status: 403,
          code: 'CROSS_SITE_FORBIDDEN',
        })
      }
    }
    // A form's kind of body (no JSON) is refused the same way, before it is read.
    const form = await h.app.request('/api/__test/reset', {
      method: 'POST',
      headers: { origin: 'null', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    })
    expect((await refusal(form)).code).toBe('CROSS_SITE_FORBIDDEN')
    expect(await world(h)).toEqual(before)
  })

  it('accepts no Origin (curl, scripts), its own origin, and same-origin or same-site fetch metadata', async () => {
    const h = harness()
    await h.order()
    // A bodyless POST /api/__test/reset with no Origin: BRIEF §8's reset.
    const bare = await h.app.request('/api/__test/reset', { method: 'POST' })
    expect(bare.status).toBe(200)
    expect(await bare.json()).toEqual({ ok: true })
    const accepted: Record<string, string>[] = [
      {},
      { origin: 'http://localhost' }, // app.request's URLs are http://localhost/…
      { 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
      { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
    ]
    for (const headers of accepted) {
      for (const [path, body] of CHANGING) {
        const res = await h.call('POST', path, { body, headers })
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(200)
      }
    }
  })

  it('lets a foreign page read (GET and HEAD change nothing; CORS keeps the answer from it)', async () => {
    const h = harness()
    for (const path of READING) {
      const res = await h.call('GET', path, { headers: { origin: 'http://evil.example' } })
      expect(res.status).toBe(200)
      const head = await h.call('HEAD', path, { headers: { 'sec-fetch-site': 'cross-site' } })
      expect(head.status).toBe(200)
    }
  })
})

describe('the test API beyond loopback needs the token', () => {
  const from = (address: string | null) =>
    harness({ remoteAddress: () => address, testToken: TOKEN })

  it('401 TEST_TOKEN_REQUIRED from a LAN address, unknown address or a foreign Host; the token as header or ?token=', async () => {
    for (const address of ['192.168.1.9', '10.0.0.2', '::ffff:192.168.1.9', 'fe80::1', null]) {
      const h = from(address)
      await h.order()
      for (const path of READING) {
        const answer = await refusal(await h.call('GET', path))
        expect(answer, `${address} ${path}`).toMatchObject({
          status: 401,
          code: 'TEST_TOKEN_REQUIRED',
        })
        expect(answer.message).toContain('x-sim-test-token')
      }
      for (const [path, body] of CHANGING) {
        const wrong: Record<string, string>[] = [
          {},
          { 'x-sim-test-token': `${TOKEN}x` },
          { 'x-sim-test-token': '' },
        ]
        for (const headers of wrong) {
          expect((await h.call('POST', path, { body, headers })).status, path).toBe(401)
        }
        expect(
          (await h.call('POST', `${path}?token=wrong-token-0123456789abc`, { body })).status,
        ).toBe(401)
      }
      // Nothing was reset: the order is still there.
      const state = await h.json('GET', '/api/__test/state', {
        headers: { 'x-sim-test-token': TOKEN },
      })
      expect(state.body.orders).toHaveLength(1)
      // With the token: as the header, or in the query (where a header cannot be set).
      for (const [path, body] of CHANGING) {
        const withHeader = await h.call('POST', path, {
          body,
          headers: { 'x-sim-test-token': TOKEN },
        })
        expect(withHeader.status, `${address} ${path}`).toBe(200)
        expect((await h.call('POST', `${path}?token=${TOKEN}`, { body })).status).toBe(200)
      }
      expect(
        (await h.call('GET', '/api/__test/state', { headers: { 'x-sim-test-token': TOKEN } }))
          .status,
      ).toBe(200)
      // The token never lifts the cross-site rule.
      const foreign = await h.call('POST', '/api/__test/reset', {
        headers: { 'x-sim-test-token': TOKEN, origin: 'http://evil.example' },
      })
      expect(foreign.status).toBe(403)
    }
  })

  it('needs none from loopback (127.0.0.0/8, ::1, IPv4-mapped 127.x) under localhost or an IP', async () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      const h = from(address)
      expect((await h.call('GET', '/api/__test/state')).status, address).toBe(200)
      expect((await h.call('POST', '/api/__test/reset')).status, address).toBe(200)
    }
    const h = from('127.0.0.1')
    for (const host of ['127.0.0.1:4173', '[::1]:4173', 'app.localhost:4173', '192.168.1.5:4173']) {
      const res = await h.app.request(`http://${host}/api/__test/state`)
      expect(res.status, host).toBe(200)
    }
    // A loopback caller under another name: a DNS-rebinding page, or a proxy on this machine.
    for (const host of ['evil.example', 'evil.example:4173', 'gateway.lan']) {
      const res = await h.app.request(`http://${host}/api/__test/reset`, { method: 'POST' })
      expect((await refusal(res)).code, host).toBe('TEST_TOKEN_REQUIRED')
      const withToken = await h.app.request(`http://${host}/api/__test/reset`, {
        method: 'POST',
        headers: { 'x-sim-test-token': TOKEN },
      })
      expect(withToken.status, host).toBe(200)
    }
  })

  it('tells loopback addresses and local host names apart', () => {
    for (const yes of ['127.0.0.1', '127.255.0.9', '::1', '::ffff:127.0.0.1', '::FFFF:127.1.2.3']) {
      expect(isLoopbackAddress(yes), yes).toBe(true)
    }
    for (const no of [
      null,
      '',
      '128.0.0.1',
      '10.0.0.1',
      '::ffff:10.0.0.1',
      '::2',
      'localhost',
      '127.0.0.1.evil',
    ]) {
      expect(isLoopbackAddress(no), String(no)).toBe(false)
    }
    for (const yes of [
      'localhost',
      'LOCALHOST',
      'a.localhost',
      '127.0.0.1',
      '[::1]',
      '192.168.0.4',
    ]) {
      expect(isLocalHostName(yes), yes).toBe(true)
    }
    for (const no of ['evil.example', 'localhost.evil.example', 'mybox.local', '']) {
      expect(isLocalHostName(no), no).toBe(false)
    }
  })

  it('takes GATEWAY_TEST_TOKEN (22+ URL-safe characters), or makes 128 random bits once per process', () => {
    expect(processTestToken({ GATEWAY_TEST_TOKEN: TOKEN })).toBe(TOKEN)
    for (const bad of [
      'short',
      'has spaces in it, 22 characters',
      'x'.repeat(257),
      'ü'.repeat(30),
    ]) {
      expect(() => processTestToken({ GATEWAY_TEST_TOKEN: bad }), bad).toThrow(/GATEWAY_TEST_TOKEN/)
    }
    const made = processTestToken({})
    expect(made).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(processTestToken({ GATEWAY_TEST_TOKEN: '' })).toBe(made)
    expect(processTestToken({})).toBe(made)
    expect(newTestToken()).not.toBe(newTestToken())
  })
})

describe('over real sockets', () => {
  const servers: ReturnType<typeof serve>[] = []
  afterAll(async () => {
    for (const server of servers) {
      ;(server as Server).closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })

  async function listen(h: Harness, hostname: string): Promise<string> {
    const server = serve({ fetch: h.app.fetch, port: 0, hostname })
    servers.push(server)
    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    const { port } = server.address() as AddressInfo
    return `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`
  }

  it('asks the socket who calls: loopback needs no token, this machine’s LAN address does', async () => {
    const h = harness({ remoteAddress: socketAddress, testToken: TOKEN })
    const local = await listen(h, '127.0.0.1')
    expect((await fetch(`${local}/api/__test/state`)).status).toBe(200)
    expect((await fetch(`${local}/api/__test/reset`, { method: 'POST' })).status).toBe(200)
    const foreign = await fetch(`${local}/api/__test/reset`, {
      method: 'POST',
      headers: { origin: 'http://evil.example' },
    })
    expect((await refusal(foreign)).code).toBe('CROSS_SITE_FORBIDDEN')

    // Without the node bindings (app.request, or a mount that forgets them) there is no address:
    // beyond loopback, so the token is needed.
    expect((await h.app.request('/api/__test/state')).status).toBe(401)

    const lan = lanAddress()
    if (!lan) {
      console.log(
        '[test-guard] no LAN address on this machine: the beyond-loopback socket case is skipped',
      )
      return
    }
    // This machine calling its own LAN address: the socket's peer is that address, not loopback.
    const remote = await listen(h, lan)
    const refused = await fetch(`${remote}/api/__test/reset`, { method: 'POST' })
    expect(await refusal(refused)).toMatchObject({ status: 401, code: 'TEST_TOKEN_REQUIRED' })
    expect((await fetch(`${remote}/api/__test/state?token=${TOKEN}`)).status).toBe(200)
    const accepted = await fetch(`${remote}/api/__test/reset`, {
      method: 'POST',
      headers: { 'x-sim-test-token': TOKEN },
    })
    expect(accepted.status).toBe(200)
    // The rest of the API needs no token.
    expect((await fetch(`${remote}/api/shop/catalog`)).status).toBe(200)
  })
})

describe("npm start's banner", () => {
  it('prints the local URL first, then the LAN URL with ?token= and the token', () => {
    const token = 'AbCdEfGhIjKlMnOpQrStUv'
    expect(
      startBanner({ port: 4173, hostname: '0.0.0.0', testToken: token, lan: '192.168.1.23' }),
    ).toEqual([
      'Taobao × WeChat Pay simulator: http://localhost:4173/',
      `  on a phone on this network: http://192.168.1.23:4173/?token=${token}`,
      `  test API token (header x-sim-test-token or ?token=, needed from beyond loopback): ${token}`,
    ])
    // Loopback only: no LAN line. The test API off: no token anywhere.
    expect(
      startBanner({ port: 4301, hostname: '127.0.0.1', testToken: token, lan: '10.0.0.2' }),
    ).toEqual([
      'Taobao × WeChat Pay simulator: http://localhost:4301/',
      `  test API token (header x-sim-test-token or ?token=, needed from beyond loopback): ${token}`,
    ])
    expect(
      startBanner({ port: 80, hostname: '0.0.0.0', testToken: null, lan: '10.0.0.2' }),
    ).toEqual([
      'Taobao × WeChat Pay simulator: http://localhost:80/',
      '  on a phone on this network: http://10.0.0.2:80/',
    ])
    expect(
      lanAddress({
        lo: [
          {
            address: '127.0.0.1',
            family: 'IPv4',
            internal: true,
            netmask: '255.0.0.0',
            mac: '00:00:00:00:00:00',
            cidr: null,
          },
        ],
      }),
    ).toBeNull()
  })
})
