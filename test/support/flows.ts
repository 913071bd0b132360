// Fixtures for the client flows' tests (cashier, WeChat's pay sheet, the friend's page): the gateway's
// answers as the contract shapes them, and a fold of events through a flow's `step`.
import type { FriendPayView, FriendRequest } from '../../src/contract/friend-pay.ts'
import type { LiveFriendRequest, OrderLiveView } from '../../src/contract/order-live.ts'
import type { OrderStatus } from '../../src/contract/order.ts'
import type {
  Cashier,
  MethodOption,
  Payment,
  PaymentMethodId,
  PaySheet,
  TradeState,
} from '../../src/contract/payment.ts'
import type { Failure } from '../../src/lib/failure.ts'
import type { Next, Step, TimerSet } from '../../src/lib/machine.ts'

export const ORDER_ID = 'o1'
export const NOW = '2024-09-10T10:00:00.000Z'
export const DEADLINE = '2024-09-10T10:30:00.000Z'

export function method(id: PaymentMethodId, over: Partial<MethodOption> = {}): MethodOption {
  return { id, enabled: true, reason: null, balanceFen: null, ...over }
}

/** The cashier of the beta era (scan code, ask a friend), or of the launch era (微信支付). */
export function cashier(era: 'beta' | 'launch' = 'beta', over: Partial<Cashier> = {}): Cashier {
  const wechat: PaymentMethodId[] = era === 'beta' ? ['wechat-scan'] : ['wechat']
  const ids: PaymentMethodId[] = ['alipay-balance', 'alipay-card', 'huabei', 'unionpay', ...wechat]
  return {
    orderId: ORDER_ID,
    orderIds: [ORDER_ID],
    title: '2024新茶 明前龙井 特级 250g',
    itemCount: 5,
    amountFen: 36580,
    deadlineAt: DEADLINE,
    now: NOW,
    methods: [...ids, 'friend-pay'].map((id) => method(id as PaymentMethodId)),
    ...over,
  }
}

export function payment(over: Partial<Payment> = {}): Payment {
  return {
    id: 'p1',
    orderId: ORDER_ID,
    checkoutId: ORDER_ID,
    orderIds: [ORDER_ID],
    method: 'alipay-balance',
    status: 'NOTPAY',
    amountFen: 36580,
    payer: null,
    createdAt: NOW,
    paidAt: null,
    transactionId: null,
    payToken: null,
    ...over,
  }
}

/** A `wechat-scan` payment with its code, good for two hours. */
export function scanPayment(id = 'p1', expiresAt = '2024-09-10T12:00:00.000Z'): Payment {
  const token = `pr-${id}`
  return payment({
    id,
    method: 'wechat-scan',
    payToken: token,
    codeUrl: {
      web: `http://x/wechat/pay?pr=${token}`,
      weixin: `weixin://wxpay/bizpayurl?pr=${token}`,
      expiresAt,
    },
  })
}

export function paySheet(over: Partial<PaySheet> = {}): PaySheet {
  return {
    token: 'tok',
    paymentId: 'p1',
    orderId: ORDER_ID,
    method: 'wechat',
    status: 'NOTPAY',
    amountFen: 36580,
    payee: '淘宝 Taobao',
    description: '2024新茶 等5件',
    expiresAt: DEADLINE,
    payer: null,
    sources: [
      { id: 'wechat-balance', enabled: true, balanceFen: 200000, card: null },
      {
        id: 'wechat-card',
        enabled: true,
        balanceFen: 2000000,
        card: { bank: '建设银行', last4: '1234' },
      },
    ],
    ...over,
  }
}

export function request(over: Partial<FriendRequest> = {}): FriendRequest {
  return {
    token: 'T0K3N',
    orderId: ORDER_ID,
    checkoutId: ORDER_ID,
    orderIds: [ORDER_ID],
    status: 'OPEN',
    endReason: null,
    message: '帮我付一下',
    via: 'link',
    amountFen: 36580,
    createdAt: NOW,
    expiresAt: '2024-09-11T10:00:00.000Z',
    endedAt: null,
    paymentId: null,
    payer: null,
    path: '/friend-pay/T0K3N',
    ...over,
  }
}

export function friendView(over: Partial<FriendPayView> = {}): FriendPayView {
  return {
    token: 'T0K3N',
    status: 'OPEN',
    endReason: null,
    requester: '张**',
    message: '帮我付一下',
    items: [],
    amountFen: 36580,
    payee: '淘宝 Taobao',
    expiresAt: '2024-09-11T10:00:00.000Z',
    ...over,
  }
}

/** The order's live view: its status, and the payments and requests the stream told of. */
export function live(
  status: OrderStatus,
  opts: {
    paymentId?: string | null
    payments?: Record<string, TradeState>
    requests?: Record<string, LiveFriendRequest['status']>
  } = {},
): OrderLiveView {
  return {
    order: {
      id: ORDER_ID,
      status,
      totalFen: 36580,
      deadlineAt: DEADLINE,
      paidAt: status === 'PAID' ? NOW : null,
      paidWith: null,
      paymentId: opts.paymentId ?? null,
      closedAt: status === 'CLOSED' ? NOW : null,
    },
    payments: Object.fromEntries(
      Object.entries(opts.payments ?? {}).map(([id, s]) => [
        id,
        { id, method: 'wechat-scan', status: s, amountFen: 36580, payer: null, paidAt: null },
      ]),
    ),
    friendRequests: Object.fromEntries(
      Object.entries(opts.requests ?? {}).map(([token, s]) => [
        token,
        { token, status: s, endReason: null, expiresAt: '2024-09-11T10:00:00.000Z' },
      ]),
    ),
    lastEventId: 1,
  }
}

export function failure(code: string, over: Partial<Failure> = {}): Failure {
  return { code, message: code, ...over }
}

export interface Folded<S, E, F> {
  state: S
  /** Everything asked for on the way, in order. */
  effects: F[]
  timers: TimerSet<E>[]
  cancel: string[]
}

/** Folds `events` through `step` from `first`, collecting what each step asked for (and `first`). */
export function fold<S, E, F>(
  step: Step<S, E, F>,
  first: Next<S, E, F>,
  ...events: E[]
): Folded<S, E, F> {
  const out: Folded<S, E, F> = { state: first.state, effects: [], timers: [], cancel: [] }
  const add = (next: Next<S, E, F>) => {
    out.state = next.state
    out.effects.push(...(next.effects ?? []))
    out.timers.push(...(next.timers ?? []))
    out.cancel.push(...(next.cancel ?? []))
  }
  add(first)
  for (const event of events) add(step(out.state, event))
  return out
}
