import type { ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ApiErrorSchema } from '../contract/errors.ts'
import { startServer } from '../../test/support/loopback.ts'

// The real `npm start` server over loopback, serving a tiny stand-in for dist/.
const scratch = mkdtempSync(join(tmpdir(), 'gateway-headers-'))
const dist = join(scratch, 'dist')
mkdirSync(join(dist, 'assets'), { recursive: true })
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>t</title><div id="root"></div>')
writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)')
const children: ChildProcess[] = []

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(scratch, { recursive: true, force: true })
})

async function start(env: Record<string, string> = {}): Promise<string> {
  const server = await startServer({
    data: 'memory',
    cwd: scratch,
    env: { DIST_DIR: dist, ...env },
    stderr: 'collect',
  })
  children.push(server.child)
  return server.origin
}

/** The CSP's directives, by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name ?? '', values]),
  )
}

describe('security headers of the production server', () => {
  it('on pages, assets, API answers, API errors and event streams', async () => {
    const base = await start()
    const order = await fetch(`${base}/api/shop/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'headers-test-0001' },
      body: JSON.stringify({ lines: [{ skuId: 'sku-mug-150', qty: 1 }], addressId: 'addr-hz' }),
    })
    expect(order.status).toBe(201)
    const { checkoutId: id } = (await order.json()) as { checkoutId: string }
    const controller = new AbortController()
    const responses = {
      page: await fetch(`${base}/`),
      deepLink: await fetch(`${base}/friend-pay/some-token`),
      asset: await fetch(`${base}/assets/app-abc123.js`),
      missingAsset: await fetch(`${base}/assets/nope.js`),
      api: await fetch(`${base}/api/health`),
      apiError: await fetch(`${base}/api/shop/orders/nope`),
      stream: await fetch(`${base}/api/shop/orders/${id}/events`, { signal: controller.signal }),
    }
    expect(responses.page.status).toBe(200)
    expect(responses.asset.status).toBe(200)
    expect(responses.apiError.status).toBe(404)
    expect(responses.stream.headers.get('content-type')).toContain('text/event-stream')
    controller.abort()

    for (const [what, res] of Object.entries(responses)) {
      const h = res.headers
      expect(h.get('x-content-type-options'), what).toBe('nosniff')
      expect(h.get('referrer-policy'), what).toBe('no-referrer')
      expect(h.get('x-frame-options'), what).toBe('SAMEORIGIN')
      expect(h.get('cross-origin-opener-policy'), what).toBe('same-origin')
      expect(h.get('cross-origin-resource-policy'), what).toBe('same-origin')
      expect(h.get('permissions-policy'), what).toContain('camera=()')
      expect(h.get('permissions-policy'), what).toContain('clipboard-write=(self)')
      expect(h.get('x-powered-by'), what).toBeNull()
      const csp = directives(h.get('content-security-policy') ?? '')
      expect(csp.get('default-src'), what).toEqual(["'self'"])
      // No inline or evaluated script anywhere; framing by the app itself (/stage) only.
      expect(csp.get('script-src'), what).toEqual(["'self'"])
      expect(csp.get('frame-ancestors'), what).toEqual(["'self'"])
      expect(csp.get('object-src'), what).toEqual(["'none'"])
      expect(csp.get('base-uri'), what).toEqual(["'self'"])
      // QR codes, screenshots and the album are data: and blob: images.
      expect(csp.get('img-src'), what).toEqual(expect.arrayContaining(['data:', 'blob:']))
      if (!res.bodyUsed && what !== 'stream') await res.arrayBuffer()
    }
    // The pages are still what they were: index.html for every app path, not cached.
    expect(responses.page.headers.get('cache-control')).toBe('no-cache')
    expect(responses.asset.headers.get('cache-control')).toContain('immutable')
  }, 30_000)

  it('GATEWAY_TEST_API=off: every test route is a 404 { code, message }, the rest still works', async () => {
    const base = await start({ GATEWAY_TEST_API: 'off' })
    for (const [method, path] of [
      ['GET', '/api/__test/state'],
      ['POST', '/api/__test/reset'],
      ['POST', '/api/__test/clock'],
      ['POST', '/api/__test/faults'],
      ['POST', '/api/__test/wallets'],
    ] as const) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'POST' ? '{}' : undefined,
      })
      expect(res.status, path).toBe(404)
      expect(ApiErrorSchema.parse(await res.json()).code).toBe('NOT_FOUND')
    }
    expect((await fetch(`${base}/api/shop/catalog`)).status).toBe(200)
  }, 30_000)
})
