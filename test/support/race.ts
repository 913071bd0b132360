// A race for one order through every channel at once, for tests: over `app.request` and over a real
// server on loopback. Only HTTP: it sees the gateway as a client does.
import { expect } from 'vitest'
import { CheckoutSchema } from '../../src/contract/order.ts'
import { PaymentSchema } from '../../src/contract/payment.ts'
import { TestStateSchema } from '../../src/contract/test-api.ts'
import type { TestState } from '../../src/contract/test-api.ts'
import { SEED_CART } from '../../src/server/domain/seed.ts'
import { moneyInPlay } from './money-audit.ts'

export type Send = (
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
) => Promise<{ status: number; body: unknown }>

export interface RaceOutcome {
  before: TestState
  after: TestState
  orderId: string
  /** Every confirm's answer: status and code (or SUCCESS). */
  confirms: { channel: string; status: number; code: string }[]
}

let keys = 0
const key = () => `race-${process.pid}-${Date.now()}-${++keys}`

function codeOf(res: { status: number; body: unknown }): string {
  const body = res.body as { code?: string; status?: string }
  return res.status === 200 ? (body.status ?? '?') : (body.code ?? '?')
}

/**
 * One order; a pay-for-me request and a scan code already out; then 50 confirms fired at once: the shopper
 * opening and confirming attempts on five channels (each new attempt closing the older), friends paying the
 * request from WeChat and Alipay, and friends scanning the code.
 */
export async function raceOnOneOrder(send: Send): Promise<RaceOutcome> {
  const as = (persona: string, extra: Record<string, string> = {}) => ({
    'x-sim-persona': persona,
    ...extra,
  })
  const before = TestStateSchema.parse((await send('GET', '/api/__test/state', undefined, {})).body)
  const created = await send(
    'POST',
    '/api/shop/orders',
    { lines: SEED_CART, addressId: 'addr-hz' },
    {
      ...as('shopper'),
      'idempotency-key': key(),
    },
  )
  // The seeded cart: two shops' orders, one checkout, raced for by every channel at once.
  const order = { id: CheckoutSchema.parse(created.body).checkoutId }
  const request = (
    await send(
      'POST',
      '/api/pay/friend-requests',
      { orderId: order.id },
      {
        ...as('shopper'),
        'idempotency-key': key(),
      },
    )
  ).body as { token: string }
  const code = PaymentSchema.parse(
    (
      await send(
        'POST',
        '/api/pay/payments',
        { orderId: order.id, method: 'wechat-scan' },
        {
          ...as('shopper'),
          'idempotency-key': key(),
        },
      )
    ).body,
  )

  const confirms: RaceOutcome['confirms'] = []
  const record = (channel: string) => (res: { status: number; body: unknown }) => {
    confirms.push({ channel, status: res.status, code: codeOf(res) })
  }
  const shopperChannels: [string, Record<string, string>, Record<string, unknown>][] = [
    ['alipay-balance', {}, {}],
    ['alipay-card', {}, {}],
    ['huabei', {}, { huabeiPeriods: 3 }],
    ['unionpay', {}, {}],
    ['wechat', { 'x-sim-era': 'launch' }, {}],
  ]
  // Each contender starts after a random pause, in a random order, so any of them may win.
  const tasks: (() => Promise<void>)[] = []
  for (let i = 0; i < 20; i++) {
    const [method, headers, extra] = shopperChannels[i % shopperChannels.length] ?? [
      'alipay-balance',
      {},
      {},
    ]
    tasks.push(async () => {
      const opened = await send(
        'POST',
        '/api/pay/payments',
        { orderId: order.id, method, ...extra },
        {
          ...as('shopper', headers),
          'idempotency-key': key(),
        },
      )
      const id = (opened.body as { id?: string }).id ?? 'none'
      const res = await send(
        'POST',
        `/api/pay/payments/${id}/confirm`,
        { password: '123456' },
        as('shopper', headers),
      )
      record(method)(res)
    })
  }
  const friends: [string, string][] = [
    ['friend', 'wechat-balance'],
    ['friend', 'alipay-balance'],
    ['not_invited', 'wechat-card'],
    ['old_app', 'alipay-card'],
    ['low_balance', 'wechat-balance'],
  ]
  for (let i = 0; i < 15; i++) {
    const [persona, source] = friends[i % friends.length] ?? ['friend', 'wechat-balance']
    tasks.push(() =>
      send(
        'POST',
        `/api/pay/friend-requests/${request.token}/pay`,
        { password: '123456', source },
        as(persona),
      ).then(record('friend-pay')),
    )
  }
  const scanners = ['friend', 'not_invited', 'old_app', 'shopper', 'low_balance']
  for (let i = 0; i < 15; i++) {
    const persona = scanners[i % scanners.length] ?? 'friend'
    const source = i % 2 === 0 ? 'wechat-balance' : 'wechat-card'
    tasks.push(() =>
      send(
        'POST',
        `/api/pay/sheets/${code.payToken}/confirm`,
        { password: '123456', source },
        as(persona),
      ).then(record('wechat-scan')),
    )
  }
  const jitter = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 4))
  await Promise.all(
    shuffle(tasks).map(async (task) => {
      await jitter()
      await task()
    }),
  )
  const after = TestStateSchema.parse((await send('GET', '/api/__test/state', undefined, {})).body)
  return { before, after, orderId: order.id, confirms }
}

/** What the race must show, however it went: one winner, charged once; nobody else charged. */
export function expectOneWinner({ before, after, orderId, confirms }: RaceOutcome): string {
  expect(confirms).toHaveLength(50)
  const won = confirms.filter((c) => c.status === 200)
  expect(won).toHaveLength(1)
  expect(won[0]?.code).toBe('SUCCESS')
  for (const lost of confirms.filter((c) => c.status !== 200)) {
    expect(lost.status).toBeGreaterThanOrEqual(400)
    expect(lost.status).toBeLessThan(500)
    expect(['ORDERPAID', 'PAYMENT_CLOSED', 'NOTENOUGH', 'PAYMENT_NOT_EXIST']).toContain(lost.code)
  }
  const successes = after.payments.filter((p) => p.orderId === orderId && p.status === 'SUCCESS')
  expect(successes).toHaveLength(1)
  const winner = successes[0]
  if (!winner?.payer || !winner.source) throw new Error('the winner has no payer')
  expect(winner.channel).toBe(won[0]?.channel)
  // Money is conserved, and only the winner's one source moved, by exactly the amount.
  expect(moneyInPlay(after)).toBe(moneyInPlay(before))
  const moved: string[] = []
  for (const [persona, wallet] of Object.entries(after.wallets)) {
    const was = before.wallets[persona as keyof typeof before.wallets]
    for (const [key, fen] of Object.entries(wallet)) {
      const old = was?.[key as keyof typeof wallet] ?? 0
      if (fen !== old) moved.push(`${persona}.${key} ${fen - old}`)
    }
  }
  // The checkout's two shops' orders, paid together by the winner (its merchant is told after).
  const checkout = after.checkouts.find((c) => c.checkoutId === orderId)
  expect(moved).toHaveLength(1)
  expect(moved[0]).toMatch(new RegExp(`^${winner.payer}\\..* -${checkout?.totalFen}$`))
  return winner.channel
}

function shuffle<T>(items: T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}
