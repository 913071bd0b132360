import { describe, expect, it } from 'vitest'
import { cashierView } from '../cashier.ts'
import { HOUR_MS } from '../result.ts'
import { seedState } from '../seed.ts'
import { confirm, must, openAttempt, placeOrder, step, T0 } from '../testing.ts'
import { passwordStatus, resetPassword } from './password.ts'

const who = { persona: 'shopper', era: 'beta', appVersion: '10.40.0' } as const

/** Five wrong passwords on one Alipay attempt: the realm locks. */
function lockAlipay(s: ReturnType<typeof seedState>) {
  const order = placeOrder(s)
  const attempt = openAttempt(s, order.id)
  for (let i = 0; i < 5; i++) confirm(s, attempt.id, '000000')
  return { order, attempt }
}

describe('忘记密码？: the simulated reset', () => {
  it('unlocks a locked realm with one event, and the right password pays again', () => {
    const s = seedState()
    const { order, attempt } = lockAlipay(s)
    const at = T0 + 60_000
    expect(passwordStatus(s.gateway.accounts.shopper.guards.alipay, 'alipay', at)).toEqual({
      realm: 'alipay',
      locked: true,
      lockedUntil: new Date(T0 + 3 * HOUR_MS).toISOString(),
      triesLeft: 0,
    })
    const decision = resetPassword(s.gateway.accounts.shopper, 'shopper', 'alipay', at)
    expect(decision).toEqual({
      ok: true,
      events: [
        {
          type: 'password.reset',
          persona: 'shopper',
          realm: 'alipay',
          at: new Date(at).toISOString(),
        },
      ],
      value: { realm: 'alipay', locked: false, lockedUntil: null, triesLeft: 5 },
    })
    step(s, decision)
    expect(s.gateway.accounts.shopper.guards.alipay).toEqual({
      failedTries: 0,
      lockedUntilMs: null,
    })
    // The cashier offers the realm's methods again, and the seeded password pays.
    const methods = must(cashierView(s, who, order.id, at)).methods
    expect(methods.find((m) => m.id === 'alipay-balance')).toMatchObject({
      enabled: true,
      reason: null,
    })
    expect(confirm(s, attempt.id, '123456', 'shopper', at)).toMatchObject({ ok: true })
  })

  it('resets only its own realm and persona', () => {
    const s = seedState()
    lockAlipay(s)
    step(s, resetPassword(s.gateway.accounts.shopper, 'shopper', 'wechat', T0))
    expect(s.gateway.accounts.shopper.guards.alipay.lockedUntilMs).toBe(T0 + 3 * HOUR_MS)
    step(s, resetPassword(s.gateway.accounts.friend, 'friend', 'alipay', T0))
    expect(s.gateway.accounts.shopper.guards.alipay.lockedUntilMs).toBe(T0 + 3 * HOUR_MS)
  })

  it('clears wrong tries short of a lock; with nothing to clear it decides no event', () => {
    const s = seedState()
    const attempt = openAttempt(s, placeOrder(s).id)
    confirm(s, attempt.id, '000000')
    confirm(s, attempt.id, '000000')
    const reset = step(s, resetPassword(s.gateway.accounts.shopper, 'shopper', 'alipay', T0))
    expect(reset.events).toHaveLength(1)
    expect(confirm(s, attempt.id, '000000')).toMatchObject({
      error: { code: 'PASSWORD_ERROR', triesLeft: 4 },
    })
    const idle = resetPassword(s.gateway.accounts.shopper, 'shopper', 'unionpay', T0)
    expect(idle).toMatchObject({ ok: true, events: [], value: { locked: false, triesLeft: 5 } })
  })

  it('the cashier tells each locked method until when', () => {
    const s = seedState()
    const { order } = lockAlipay(s)
    const until = new Date(T0 + 3 * HOUR_MS).toISOString()
    const methods = must(cashierView(s, who, order.id, T0 + 1000)).methods
    for (const id of ['alipay-balance', 'alipay-card', 'huabei'] as const) {
      expect(methods.find((m) => m.id === id)).toMatchObject({
        enabled: false,
        reason: 'LOCKED',
        lockedUntil: until,
      })
    }
    expect(methods.find((m) => m.id === 'unionpay')).not.toHaveProperty('lockedUntil')
  })
})

describe("another persona's order", () => {
  it('the cashier says whose it is instead of "not found"', () => {
    const s = seedState()
    const order = placeOrder(s)
    expect(cashierView(s, { ...who, persona: 'friend' }, order.id, T0)).toMatchObject({
      ok: false,
      error: { code: 'ORDER_OF_OTHER_PERSONA', owner: { persona: 'shopper', nickname: '张伟' } },
    })
    expect(cashierView(s, who, 'nope', T0)).toMatchObject({
      ok: false,
      error: { code: 'ORDER_NOT_EXIST' },
    })
  })
})
