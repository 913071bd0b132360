import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Connect, Plugin } from 'vite'

type Listener = (req: IncomingMessage, res: ServerResponse) => Promise<void>

// Vite re-creates plugins when its config changes; the gateway must stay one per process, or two
// stores would append to one journal.
const RUNNING = Symbol.for('taobao-wechat-pay-sim.dev-gateway')
type ProcessSlot = { [RUNNING]?: Promise<Listener> }

/**
 * `npm run dev`: the same Hono app, mounted on /api (and WeChat Pay's /v3) in Vite's dev (and
 * preview) server.
 * Nothing starts until the first /api request: vitest loads vite.config.ts too and must not get a
 * gateway, a data folder or a timer out of it.
 */
export function gatewayDevPlugin(): Plugin {
  const load = async (): Promise<Listener> => {
    const [{ getRequestListener }, { optionsFromEnv, startRuntime }, { DataFolderBusyError }] =
      await Promise.all([
        import('@hono/node-server'),
        import('./runtime.ts'),
        import('./store/journal.ts'),
      ])
    // Its own folder by default, so a dev server and `npm start` never share a journal.
    const options = optionsFromEnv(process.env, '.data/dev')
    let runtime: ReturnType<typeof startRuntime>
    try {
      runtime = startRuntime(options)
    } catch (error) {
      if (!(error instanceof DataFolderBusyError)) throw error
      console.warn(`[gateway] ${error.message}; this dev server keeps its data in memory`)
      runtime = startRuntime({ ...options, data: 'memory' })
    }
    const { app } = runtime
    runtime.worlds.openSaved()
    // The node bindings go along: the test API asks them who is calling (loopback or not).
    return getRequestListener((request, env) => app.fetch(request, env))
  }

  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const url = req.url ?? ''
    const api = url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')
    // WeChat Pay's APIv3 lives at the root, where SDKs sign its paths.
    const v3 = url === '/v3' || url.startsWith('/v3/') || url.startsWith('/v3?')
    // Alipay's v2 gateway, one path at the root (its v3 is under /v3/alipay).
    const alipay = url === '/gateway.do' || url.startsWith('/gateway.do?')
    if (!api && !v3 && !alipay) return next()
    const slot = globalThis as ProcessSlot
    slot[RUNNING] ??= load()
    slot[RUNNING].then((handle) => handle(req, res)).catch(next)
  }

  return {
    name: 'taobao-wechat-pay-gateway',
    configureServer(server) {
      server.middlewares.use(middleware)
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware)
    },
  }
}
