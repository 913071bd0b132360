// Test harness helpers for the Alipay sandbox: the WeChat sandbox's loopback server (wechatpay/testing.ts)
// with Alipay's notifications settled, and the calls a test makes to the test API.
import type { Sandbox } from '../wechatpay/testing.ts'

/** Lets what was just answered reach the notifier, sends whatever is due, waits until it is journalled. */
export async function settleAlipay(sb: Sandbox, world = 'default'): Promise<void> {
  const { notifier } = sb.world(world).alipay
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve))
  await notifier.runDue()
  await notifier.settled()
}

/** Moves the test clock on, then sends (and waits for) every Alipay notification that fell due. */
export async function advanceAlipay(sb: Sandbox, ms: number, world = 'default'): Promise<void> {
  sb.h.clock.advance(ms)
  await settleAlipay(sb, world)
}

/** A JSON call to the simulator's /api (test API, the cashier's routes). */
export async function api(
  sb: Sandbox,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sb.origin}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}
