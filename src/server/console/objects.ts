import { checkoutView } from '../domain/merchant/checkouts.ts'
import { createHash } from 'node:crypto'
import type { ConsoleEntry, ConsoleObjectKind, ConsoleRefs } from '../../contract/console.ts'
import type { AlipayDirectory } from '../alipay/directory.ts'
import type { MerchantDirectory } from '../wechatpay/directory.ts'
import type { World } from '../worlds/world.ts'

// `GET /api/console/objects/:kind/:id`: one thing of a world as its state holds it (any persona's), and
// its story. Taobao's orders, payments and refunds by their ids; an external merchant's order by its
// out_trade_no, its payment by transaction_id / trade_no, its refund by refund_id, out_refund_no or
// out_request_no; a merchant by its mchid or app_id, with its keys' ids and never a key.

type Found = Record<string, unknown>

export interface Directories {
  directory: MerchantDirectory
  alipayDirectory: AlipayDirectory
}

const first = <T>(values: Iterable<T>, test: (value: T) => boolean): T | undefined => {
  for (const value of values) if (test(value)) return value
  return undefined
}

function order(world: World, id: string): Found | null {
  const { merchant, gateway, wechatpay, alipay } = world.store.state
  const own = merchant.orders.get(id)
  // The gateway keeps payments by the trade, the checkout's id: an order's are those that paid for it.
  const paymentsOf = (tradeId: string, orderId: string | null) =>
    (gateway.paymentsByOrder.get(tradeId) ?? []).flatMap((p) => {
      const payment = gateway.payments.get(p)
      const covers = orderId === null || (payment?.orderIds ?? [tradeId]).includes(orderId)
      return payment && covers ? [payment] : []
    })
  if (own) {
    const payments = paymentsOf(own.checkoutId, own.checkoutId === id ? null : id)
    const refunds = [...gateway.refunds.values()].filter((r) => r.orderId === id)
    return { system: 'taobao', ...own, payments, refunds }
  }
  // A checkout of several shops' orders: the orders, and the payments of the whole.
  const checkout = checkoutView(merchant, id)
  if (checkout)
    return { system: 'taobao', ...checkout, payments: paymentsOf(id, null), refunds: [] }
  const tx = first(wechatpay.transactions.values(), (t) => t.outTradeNo === id)
  if (tx) return { system: 'wechatpay', ...tx }
  const trade = first(alipay.trades.values(), (t) => t.outTradeNo === id)
  return trade ? { system: 'alipay', ...trade } : null
}

function payment(world: World, id: string): Found | null {
  const { gateway, wechatpay, alipay } = world.store.state
  const own = gateway.payments.get(id)
  if (own) return { system: 'taobao', ...own }
  const tx = wechatpay.transactions.get(wechatpay.byTransactionId.get(id) ?? '')
  if (tx) return { system: 'wechatpay', ...tx }
  const trade = alipay.trades.get(alipay.byTradeNo.get(id) ?? '')
  return trade ? { system: 'alipay', ...trade } : null
}

function refund(world: World, id: string): Found | null {
  const { gateway, wechatpay, alipay } = world.store.state
  const own = gateway.refunds.get(id)
  if (own) return { system: 'taobao', ...own }
  const v3 = first(wechatpay.refunds.values(), (r) => r.refundId === id || r.outRefundNo === id)
  if (v3) return { system: 'wechatpay', ...v3 }
  const back = first(alipay.refunds.values(), (r) => r.outRequestNo === id)
  return back ? { system: 'alipay', ...back } : null
}

/** A key's id where it has no serial number (an Alipay app key): its SPKI's SHA-256, shortened. */
const keyId = (der: Buffer) =>
  `SHA256:${createHash('sha256').update(der).digest('hex').slice(0, 32)}`

function merchant(world: World, id: string, dirs: Directories): Found | null {
  const v3 = dirs.directory.lookup(id)
  if (v3 && v3.world === world.id) {
    const record = world.store.state.wechatpay.merchants.get(id)
    return {
      api: 'wechatpay',
      mchid: v3.mchid,
      appid: v3.appid,
      name: v3.name,
      mode: v3.mode,
      codeUrl: v3.codeUrl,
      demo: v3.demo,
      keyIds: [v3.serialNo],
      registeredAt: record?.registeredAt ?? null,
      failNext: world.faults.merchantFaults.get(id)?.code ?? null,
    }
  }
  const app = dirs.alipayDirectory.lookup(id)
  if (app && app.world === world.id) {
    const record = world.store.state.alipay.apps.get(id)
    return {
      api: 'alipay',
      appId: app.appId,
      name: app.name,
      demo: app.demo,
      keyIds: [keyId(app.publicKey.export({ type: 'spki', format: 'der' }))],
      registeredAt: record?.registeredAt ?? null,
      failNext: world.faults.merchantFaults.get(id)?.code ?? null,
    }
  }
  return null
}

/** The object, or null when the world has none of that kind and id. */
export function findObject(
  world: World,
  kind: ConsoleObjectKind,
  id: string,
  dirs: Directories,
): Found | null {
  switch (kind) {
    case 'order':
      return order(world, id)
    case 'payment':
      return payment(world, id)
    case 'refund':
      return refund(world, id)
    case 'merchant':
      return merchant(world, id, dirs)
  }
}

const NAMED_BY: Record<ConsoleObjectKind, (keyof ConsoleRefs)[]> = {
  order: ['orderId', 'outTradeNo', 'checkoutId'],
  payment: ['paymentId', 'transactionId'],
  refund: ['refundId'],
  merchant: ['merchant'],
}

/** The object's story: every entry whose refs name it, oldest first. */
export function storyOf(
  entries: readonly ConsoleEntry[],
  kind: ConsoleObjectKind,
  id: string,
): ConsoleEntry[] {
  const refs = NAMED_BY[kind]
  return entries.filter((entry) => refs.some((ref) => entry.refs[ref] === id))
}
