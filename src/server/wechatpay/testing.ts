// Test harness: the real app on a loopback port (SDKs need a socket), over a memory store whose
// clock the test controls; signatures use the real wall clock, bodies the test's clock.
import { serve } from '@hono/node-server'
import type { ServerType } from '@hono/node-server'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { harness } from '../http/testing.ts'
import type { World } from '../worlds/world.ts'

export type SandboxOptions = Parameters<typeof harness>

/** The harness's app served on 127.0.0.1 at a free port. */
export async function sandbox(...options: SandboxOptions) {
  const h = harness(...options)
  const server: ServerType = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  /** The world with that id (default: the default world). */
  const world = (id = 'default'): World => {
    const found = h.worlds.get(id)
    if (!found) throw new Error(`no world ${id}`)
    return found
  }
  /**
   * Lets what was just answered reach the notifier (it sends once a change is durable), then sends
   * whatever is due and waits until every attempt is over and journalled.
   */
  const settle = async (id = 'default') => {
    const { notifier } = world(id).wechatpay
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve))
    await notifier.runDue()
    await notifier.settled()
  }
  /** Moves the test clock on, then sends (and waits for) every notification that fell due. */
  const advance = async (ms: number, id = 'default') => {
    h.clock.advance(ms)
    await settle(id)
  }
  return {
    h,
    origin,
    port,
    world,
    settle,
    advance,
    close: () =>
      new Promise<void>((resolve) => {
        ;(server as Server).closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type Sandbox = Awaited<ReturnType<typeof sandbox>>
