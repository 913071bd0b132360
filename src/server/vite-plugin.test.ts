import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Connect, Plugin, ViteDevServer } from 'vite'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { gatewayDevPlugin } from './vite-plugin.ts'

type Hook = (server: ViteDevServer) => void

function mountedMiddleware(plugin: Plugin): Connect.NextHandleFunction {
  let mounted: Connect.NextHandleFunction | undefined
  const fakeServer = {
    middlewares: { use: (fn: Connect.NextHandleFunction) => void (mounted = fn) },
  }
  // Only `middlewares.use` is touched by the hook.
  ;(plugin.configureServer as Hook)(fakeServer as unknown as ViteDevServer)
  if (!mounted) throw new Error('the plugin mounted nothing')
  return mounted
}

const server = createServer()
afterAll(() => void server.close())

describe('gatewayDevPlugin', () => {
  it('passes non-API requests on, and answers /api and WeChat Pay’s /v3 with the gateway', async () => {
    vi.stubEnv('GATEWAY_DATA', 'memory')
    const middleware = mountedMiddleware(gatewayDevPlugin())
    server.on('request', (req, res) =>
      middleware(req, res, () => {
        res.statusCode = 299
        res.end('vite')
      }),
    )
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    expect((await fetch(`${base}/`)).status).toBe(299)
    expect((await fetch(`${base}/apiary`)).status).toBe(299)
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ ok: true })
    const missing = await fetch(`${base}/api/nope`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ code: 'NOT_FOUND' })
    expect((await fetch(`${base}/v3x`)).status).toBe(299)
    const unsigned = await fetch(`${base}/v3/certificates`)
    expect(unsigned.status).toBe(401)
    expect(await unsigned.json()).toMatchObject({ code: 'SIGN_ERROR' })
    expect(unsigned.headers.get('wechatpay-signature')).toBeTruthy()
    vi.unstubAllEnvs()
  })
})
