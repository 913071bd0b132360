import { existsSync, readFileSync } from 'node:fs'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import type { Context } from 'hono'
import { compress } from 'hono/compress'
import { alipayBanner, lanAddress, startBanner, wechatpayBanner } from './banner.ts'
import { firstFrameFile, loadFrameRenderer, SSR_DIR } from './first-frame.ts'
import { orderPages, type OrderPages } from './order-page.ts'
import { processTestToken } from './http/test-guard.ts'
import { optionsFromEnv, startRuntime } from './runtime.ts'
import { securityHeaders } from './security-headers.ts'
import { SERVER_DIR } from './server-bundle.ts'
import { jsbridgeHeaders } from './wechatpay/embed-headers.ts'

// `npm start`: the built app from dist/, the API on /api and WeChat Pay's APIv3 on /v3, in one process.
// It runs as the build's bundle of this file, `node dist/server/main.mjs` (server-bundle-plugin.ts).
const port = Number(process.env.PORT || 4173)
const hostname = process.env.HOST || '0.0.0.0'
// DIST_DIR lets several builds be served side by side (one per checkout or helper); default dist/.
const distRoot = process.env.DIST_DIR || 'dist'

if (!existsSync(`${distRoot}/index.html`)) {
  console.warn(
    `[gateway] ${distRoot}/index.html is missing: run "vite build" first; serving the API only`,
  )
}

let runtime: ReturnType<typeof startRuntime>
try {
  runtime = startRuntime(optionsFromEnv(process.env, '.data'))
} catch (error) {
  console.error(`[gateway] cannot start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}

const noCacheForIndex = (path: string, c: Context) => {
  if (path.endsWith('.html')) c.header('Cache-Control', 'no-cache')
}
const site = new Hono()
// The WeixinJSBridge stand-in and its pay sheet are for other sites' pages (wechatpay/embed-headers.ts).
site.use(jsbridgeHeaders())
// Pages and assets; the API sets the same headers itself (createApp).
site.use(securityHeaders())
site.use(compress())
site.use('/assets/*', async (c, next) => {
  await next()
  // Vite fingerprints everything under /assets, so a name never changes content.
  if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable')
})
// `/` with the order page's frame in the phone's language, every other page of the app without it
// (first-frame.ts); a build without those pages (an old dist/) serves its index.html as before.
const framed = existsSync(`${distRoot}/app.html`)
const pageOf = (c: Context) =>
  framed
    ? firstFrameFile(c.req.path, new URL(c.req.url).search, c.req.header('accept-language'))
    : '/index.html'
const page = serveStatic({
  root: distRoot,
  rewriteRequestPath: (_, c) => pageOf(c),
  onFound: noCacheForIndex,
})
// `/` drawn with its cart when its URL says whose (order-page.ts), by the build's own renderer: loaded
// once the server listens (it is React's server renderer: a start need not wait for it), or by the first
// `/` that comes before.
let withCart: Promise<OrderPages | null> | undefined
const orderPagesOnce = () =>
  (withCart ??= (framed ? loadFrameRenderer(distRoot) : Promise.resolve(null)).then(
    (renderer) =>
      renderer &&
      orderPages(
        renderer,
        {
          'zh-CN': readFileSync(`${distRoot}/index.html`, 'utf8'),
          en: readFileSync(`${distRoot}/index.en.html`, 'utf8'),
        },
        (request) => runtime.app.fetch(request),
      ),
    (error: unknown) => {
      console.warn(
        `[gateway] / without its cart: ${error instanceof Error ? error.message : error}`,
      )
      return null
    },
  ))
site.get('/', async (c, next) => {
  c.header('Vary', 'Accept-Language')
  const pages = await orderPagesOnce()
  const drawn = await pages?.page(new URL(c.req.url).search, c.req.header('accept-language'))
  if (drawn) {
    c.header('Cache-Control', 'no-cache')
    return c.html(drawn)
  }
  return page(c, next)
})
// The renderer's own files and the server's bundle are the server's, not the site's.
site.get(`/${SSR_DIR}/*`, (c) => c.text('not found', 404))
site.get(`/${SERVER_DIR}/*`, (c) => c.text('not found', 404))
site.get('/index.html', page)
site.use('*', serveStatic({ root: distRoot, onFound: noCacheForIndex }))
site.get('/assets/*', (c) => c.text('not found', 404))
// The single-page app owns every other path: send its page and let its router decide.
site.get('*', page)

/**
 * `/api` and below, and WeChat Pay's `/v3` and below, from an absolute URL, without parsing it (this
 * runs for every request).
 */
function isApi(url: string): boolean {
  const path = url.indexOf('/', url.indexOf('//') + 2)
  // Alipay's v2 gateway is one path at the root, where the SDK's `gateway` points.
  if (path >= 0 && url.startsWith('/gateway.do', path)) {
    const after = url[path + 11]
    if (after === undefined || after === '?') return true
  }
  if (path < 0 || !(url.startsWith('/api', path) || url.startsWith('/v3', path))) return false
  const next = url[path + (url.startsWith('/api', path) ? 4 : 3)]
  return next === undefined || next === '/' || next === '?'
}

const server = serve(
  {
    hostname,
    port,
    // The API gets the node bindings: the test API asks them who is calling (loopback or not).
    fetch: (request, env) =>
      isApi(request.url) ? runtime.app.fetch(request, env) : site.fetch(request),
  },
  (info) => {
    const testToken = optionsFromEnv(process.env, '.data').testApi ? processTestToken() : null
    const banner = startBanner({ port: info.port, hostname, testToken, lan: lanAddress() })
    for (const line of banner) console.log(line)
    void orderPagesOnce()
    // The worlds a previous run saved: read one per turn from now on (or at their first call).
    runtime.worlds.openSaved()
    for (const line of wechatpayBanner(runtime.keys, runtime.worlds.default.wechatpay.mchid)) {
      console.log(line)
    }
    for (const line of alipayBanner(runtime.alipayKeys, runtime.worlds.default.alipay.appId)) {
      console.log(line)
    }
  },
)

// Keep idle connections longer than clients keep theirs (Playwright's and undici's agents reuse sockets):
// a server that closes first races a request sent on the socket it is closing (ECONNRESET at the client).
const KEEP_ALIVE_MS = 65_000
if ('keepAliveTimeout' in server) {
  server.keepAliveTimeout = KEEP_ALIVE_MS
  server.headersTimeout = KEEP_ALIVE_MS + 1000
}

let stopping = false
function stop(signal: string): void {
  if (stopping) return
  stopping = true
  console.log(`[gateway] ${signal}: shutting down`)
  server.close(() => {
    runtime.close()
    process.exit(0)
  })
  // Long-lived connections (keep-alive, event streams) must not hold the exit hostage.
  if ('closeAllConnections' in server) server.closeAllConnections()
  setTimeout(() => {
    runtime.close()
    process.exit(0)
  }, 2000).unref()
}
process.on('SIGTERM', () => stop('SIGTERM'))
process.on('SIGINT', () => stop('SIGINT'))
