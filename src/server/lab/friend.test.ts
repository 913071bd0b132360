// The scripted friend pays a participant's pay-for-me request after a delay from the study's setting,
// on the lab's own timer (re-armed after a restart); a study with a real friend scripts nothing. And a
// participant's fresh world can pay every route of a study.
import { describe, expect, it } from 'vitest'
import { tempDirs } from '../../../test/support/temp-dirs.ts'
import { PaymentSchema } from '../../contract/payment.ts'
import { SEED_CART } from '../domain/seed.ts'
import { StudyEventsAcceptedSchema } from '../../contract/study.ts'
import { labHarness } from './testing.ts'
import type { LabHarness } from './testing.ts'

const tempDir = tempDirs('gateway-friend-')
const T = Date.parse('2025-03-01T09:00:00.000Z')

async function askFriend(lab: LabHarness, world: string, checkoutId: string) {
  const res = await lab.h.json('POST', '/api/pay/friend-requests', {
    body: { orderId: checkoutId, message: '帮我付一下', via: 'wechat' },
    headers: lab.inWorld(world, 'shopper', { 'idempotency-key': lab.h.newKey() }),
  })
  expect(res.status).toBe(201)
  return res.body as { token: string }
}

const statusOf = async (lab: LabHarness, world: string, checkoutId: string) =>
  (await lab.h.json('GET', `/api/shop/checkouts/${checkoutId}`, { headers: lab.inWorld(world) }))
    .body.status

describe('the scripted friend', () => {
  it('pays after a delay drawn from friendDelayMs, with its own wallet and password', async () => {
    const lab = labHarness({ random: () => 0.25 })
    const made = await lab.create({ routes: ['friend'], friendDelayMs: { min: 4000, max: 8000 } })
    const p = await lab.join(made.id)
    const world = p.world
    await lab.send(made.id, p.participantId, [
      { kind: 'task', at: T, route: 'friend', phase: 'start' },
    ])
    const checkout = await lab.orderIn(world)
    await askFriend(lab, world, checkout.checkoutId)
    // 4000 + 0.25 × 4000 = 5000 ms.
    lab.friendClock.advance(4999)
    expect(await statusOf(lab, world, checkout.checkoutId)).toBe('PENDING_PAYMENT')
    lab.friendClock.advance(1)
    await lab.h.worlds.get(world)?.store.durable()
    lab.h.settle()
    expect(await statusOf(lab, world, checkout.checkoutId)).toBe('PAID')
    const state = lab.h.worlds.get(world)?.store.state
    const payment = [...(state?.gateway.payments.values() ?? [])][0]
    expect(payment).toMatchObject({
      method: 'friend-pay',
      payer: 'friend',
      status: 'SUCCESS',
      source: 'wechat-balance',
    })
    const done = await lab.send(made.id, p.participantId, [
      { kind: 'task', at: T + 9000, route: 'friend', phase: 'done' },
    ])
    expect(StudyEventsAcceptedSchema.parse(done.body).participant).toMatchObject({
      status: 'finished',
      tasks: [{ status: 'completed', endedAt: T + 9000 }],
    })
  })

  it('is armed again after a restart for a request still open', async () => {
    const data = tempDir()
    const lab = labHarness({ data })
    const made = await lab.create({ routes: ['friend'], friendDelayMs: { min: 1000, max: 1000 } })
    const p = await lab.join(made.id)
    const checkout = await lab.orderIn(p.world)
    await askFriend(lab, p.world, checkout.checkoutId)
    await lab.h.worlds.get(p.world)?.store.durable()
    lab.studies.close()
    lab.h.worlds.close()
    // The first process's timer never ran; the second one's does.
    const second = labHarness({ data })
    expect(second.friendClock.pending).toBe(1)
    second.friendClock.advance(1000)
    await second.h.worlds.get(p.world)?.store.durable()
    second.h.settle()
    expect(await statusOf(second, p.world, checkout.checkoutId)).toBe('PAID')
    second.studies.close()
    second.h.worlds.close()
  })

  it('does nothing for a study whose friend is a participant, or after the participant quit', async () => {
    const lab = labHarness()
    const real = await lab.create({ routes: ['friend'], friend: 'participant' })
    const p = await lab.join(real.id)
    const checkout = await lab.orderIn(p.world)
    await askFriend(lab, p.world, checkout.checkoutId)
    expect(lab.friendClock.pending).toBe(0)
    const scripted = await lab.create({ routes: ['friend'] })
    const q = await lab.join(scripted.id)
    const order = await lab.orderIn(q.world)
    await askFriend(lab, q.world, order.checkoutId)
    expect(lab.friendClock.pending).toBe(1)
    await lab.h.json('POST', `/api/lab/studies/${scripted.id}/participants/${q.participantId}/quit`)
    lab.friendClock.advance(12_000)
    expect(await statusOf(lab, q.world, order.checkoutId)).toBe('PENDING_PAYMENT')
  })
})

describe('a participant’s fresh world', () => {
  const launch = { 'x-sim-era': 'launch' }
  it.each([
    ['alipay-balance', {}, {}],
    ['alipay-card', {}, {}],
    ['huabei', {}, { huabeiPeriods: 3 }],
    ['unionpay', {}, {}],
    ['wechat', launch, {}],
  ] as const)('the shopper can pay the seeded cart with %s', async (method, headers, extra) => {
    const lab = labHarness()
    const made = await lab.create({ routes: ['jump'] })
    const { world } = await lab.join(made.id)
    const checkout = await lab.orderIn(world, SEED_CART)
    const paid = await lab.payIn(world, checkout.checkoutId, method, headers, extra)
    expect(paid.status, JSON.stringify(paid.body)).toBe(200)
    expect(PaymentSchema.parse(paid.body).status).toBe('SUCCESS')
  })

  it('the shopper can pay the seeded cart by scanning its code (screenshot, save-image)', async () => {
    const lab = labHarness()
    const made = await lab.create({ routes: ['screenshot'] })
    const { world } = await lab.join(made.id)
    const checkout = await lab.orderIn(world, SEED_CART)
    const created = await lab.h.json('POST', '/api/pay/payments', {
      body: { orderId: checkout.checkoutId, method: 'wechat-scan' },
      headers: lab.inWorld(world, 'shopper', { 'idempotency-key': lab.h.newKey() }),
    })
    expect(created.status).toBe(201)
    const token = PaymentSchema.parse(created.body).payToken ?? ''
    const paid = await lab.h.json('POST', `/api/pay/sheets/${token}/confirm`, {
      body: { password: '123456' },
      headers: lab.inWorld(world),
    })
    expect(paid.status, JSON.stringify(paid.body)).toBe(200)
  })

  it('the friend can pay the seeded cart for the shopper', async () => {
    const lab = labHarness()
    const made = await lab.create({ routes: ['friend'], friend: 'participant' })
    const { world } = await lab.join(made.id)
    const checkout = await lab.orderIn(world, SEED_CART)
    const request = await askFriend(lab, world, checkout.checkoutId)
    const paid = await lab.h.json('POST', `/api/pay/friend-requests/${request.token}/pay`, {
      body: { password: '123456', source: 'wechat-balance' },
      headers: lab.inWorld(world, 'friend'),
    })
    expect(paid.status, JSON.stringify(paid.body)).toBe(200)
  })
})
