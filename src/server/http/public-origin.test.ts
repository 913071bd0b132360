import { describe, expect, it } from 'vitest'
import { publicOriginFromEnv } from './public-origin.ts'
import { harness } from './testing.ts'

describe('the public origin of codes and links', () => {
  it('is PUBLIC_URL when set, whatever the Host', () => {
    const origin = publicOriginFromEnv({ PUBLIC_URL: 'https://sim.example.com/ignored/path' })
    expect(origin('http://evil.example:4173/api/pay/payments')).toBe('https://sim.example.com')
    expect(() => publicOriginFromEnv({ PUBLIC_URL: 'ftp://x' })).toThrow(/http or https/)
    expect(() => publicOriginFromEnv({ PUBLIC_URL: 'not a url' })).toThrow(/not a URL/)
  })

  it("is the request's own for localhost, this machine's addresses and ALLOWED_HOSTS, never a stranger's Host", () => {
    const origin = publicOriginFromEnv({ ALLOWED_HOSTS: 'sim.lan, demo.local' })
    expect(origin('http://localhost:4173/x')).toBe('http://localhost:4173')
    expect(origin('http://127.0.0.1:4173/x')).toBe('http://127.0.0.1:4173')
    expect(origin('http://phone.localhost:4173/x')).toBe('http://phone.localhost:4173')
    expect(origin('http://sim.lan:4173/x')).toBe('http://sim.lan:4173')
    expect(origin('http://evil.example:4173/x')).toBe('http://localhost:4173')
  })

  it('answers the same the second time, and for hosts that only look alike', () => {
    // The answers are remembered per scheme://host:port: a remembered one must never leak to another,
    // and each must be what a fresh parse of that URL answers.
    const env = { ALLOWED_HOSTS: 'sim.lan' }
    const origin = publicOriginFromEnv(env)
    const urls = [
      'http://sim.lan:4173/a',
      'http://SIM.LAN:4173/b?x=1',
      'http://sim.lan.evil:4173/c',
      'http://sim.lan@evil.example:4173/d',
      'http://evil.example\\@sim.lan:4173/e',
      'http://sim.lan:80/f',
      'http://[::1]:4173/g',
      'http://sim.lan',
      'http://sim.lan?x=1',
      'not a url',
    ]
    for (let round = 0; round < 2; round++) {
      for (const url of urls) expect(origin(url), url).toBe(publicOriginFromEnv(env)(url))
    }
    expect(origin('http://SIM.LAN:4173/b')).toBe('http://sim.lan:4173')
    expect(origin('http://sim.lan.evil:4173/c')).toBe('http://localhost:4173')
    expect(origin('http://sim.lan@evil.example:4173/d')).toBe('http://localhost:4173')
  })

  it("puts no forged Host into a scan code's web form", async () => {
    const h = harness({ publicOrigin: publicOriginFromEnv({}) })
    const order = await h.order()
    const res = await h.call('POST', 'http://evil.example:4173/api/pay/payments', {
      body: { orderId: order.id, method: 'wechat-scan' },
      headers: h.as('shopper', { 'idempotency-key': h.newKey() }),
    })
    expect(res.status).toBe(201)
    const payment = (await res.json()) as { codeUrl: { web: string } }
    expect(payment.codeUrl.web).toMatch(/^http:\/\/localhost:4173\/wechat\/pay\?pr=/)
  })
})
