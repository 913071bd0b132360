// The benches' calls of the test API over loopback: an answer under 300 or an error that says which.
import type { JsonClient } from '../../test/support/loopback.ts'

/** Calls `path` and answers its JSON; throws on a status of 300 or more. */
export async function must(
  api: JsonClient,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const res = await api.call(
    method,
    path,
    body === undefined ? undefined : JSON.stringify(body),
    headers,
  )
  if (res.status >= 300)
    throw new Error(`${method} ${path}: ${res.status} ${res.text.slice(0, 160)}`)
  return JSON.parse(res.text) as Record<string, unknown>
}

/** Stock and money enough for a long load, in `world`. */
export async function stockForLoad(api: JsonClient, world: string): Promise<void> {
  const headers = { 'x-sim-world': world }
  await must(
    api,
    'POST',
    '/api/__test/stock',
    { skuId: 'sku-mug-150', stock: 100_000_000 },
    headers,
  )
  await must(
    api,
    'POST',
    '/api/__test/wallets',
    { persona: 'shopper', wallet: { alipayBalanceFen: 10_000_000_000 } },
    headers,
  )
}
