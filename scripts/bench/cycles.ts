import { performance } from 'node:perf_hooks'
import type { JsonClient } from '../../test/support/loopback.ts'

const LINE = JSON.stringify({ lines: [{ skuId: 'sku-mug-150', qty: 1 }], addressId: 'addr-hz' })
const PASSWORD = JSON.stringify({ password: '123456' })

export interface Run {
  cycles: number
  failures: Map<string, number>
  /** Latency samples, ms. */
  cycle: number[]
  order: number[]
  pay: number[]
  confirm: number[]
  seconds: number
}

export interface CycleOptions {
  seconds: number
  concurrency: number
  /** Makes the Idempotency-Keys of this run its own. */
  tag: string
  /** Headers of cycle `i` (a world, a persona). */
  headersFor?: (i: number) => Record<string, string>
  /** Prints cycles per second, second by second. */
  timeline?: boolean
}

/**
 * Create-order + create-payment + confirm cycles against a server for `seconds`, `concurrency` at once:
 * what `npm run bench:gateway` and `npm run bench:worlds` load the gateway with.
 */
export async function runCycles(api: JsonClient, options: CycleOptions): Promise<Run> {
  const { seconds, tag } = options
  const run: Run = {
    cycles: 0,
    failures: new Map(),
    cycle: [],
    order: [],
    pay: [],
    confirm: [],
    seconds,
  }
  let n = 0
  const fail = (what: string) => run.failures.set(what, (run.failures.get(what) ?? 0) + 1)
  const timed = async (
    into: number[],
    method: string,
    path: string,
    body: string,
    headers?: Record<string, string>,
  ) => {
    const t0 = performance.now()
    const res = await api.call(method, path, body, headers)
    into.push(performance.now() - t0)
    return res
  }
  const start = performance.now()
  const end = start + seconds * 1000
  const perSecond: number[] = []
  const worker = async () => {
    while (performance.now() < end) {
      const i = ++n
      const extra = options.headersFor?.(i) ?? {}
      const t0 = performance.now()
      const order = await timed(run.order, 'POST', '/api/shop/orders', LINE, {
        ...extra,
        'idempotency-key': `bench-${tag}-o-${i}`,
      })
      if (order.status !== 201) {
        fail(`order ${order.status}`)
        continue
      }
      // A create answers the checkout (one trade at the gateway, decision 013): it is what is paid.
      const orderId = (JSON.parse(order.text) as { checkoutId: string }).checkoutId
      const pay = await timed(
        run.pay,
        'POST',
        '/api/pay/payments',
        `{"orderId":"${orderId}","method":"alipay-balance"}`,
        { ...extra, 'idempotency-key': `bench-${tag}-p-${i}` },
      )
      if (pay.status !== 201) {
        fail(`payment ${pay.status}`)
        continue
      }
      const paymentId = (JSON.parse(pay.text) as { id: string }).id
      const confirm = await timed(
        run.confirm,
        'POST',
        `/api/pay/payments/${paymentId}/confirm`,
        PASSWORD,
        extra,
      )
      if (confirm.status !== 200) {
        fail(`confirm ${confirm.status} ${confirm.text.slice(0, 60)}`)
        continue
      }
      const done = performance.now()
      run.cycle.push(done - t0)
      run.cycles += 1
      const second = Math.floor((done - start) / 1000)
      perSecond[second] = (perSecond[second] ?? 0) + 1
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker))
  if (options.timeline) {
    // Whole seconds only: the last partial one would read as a drop.
    const whole = [...perSecond].slice(0, Math.floor(seconds)).map((n) => n ?? 0)
    console.log(`cycles per second, second by second: ${whole.join(' ')}`)
  }
  return run
}
