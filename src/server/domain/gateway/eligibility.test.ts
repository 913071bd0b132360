import { describe, expect, it } from 'vitest'
import { PERSONAS } from '../personas.ts'
import { seedState } from '../seed.ts'
import { T0 } from '../testing.ts'
import { eligibility } from './eligibility.ts'
import type { EligibilityInput } from './eligibility.ts'

const input = (over: Partial<EligibilityInput> = {}): EligibilityInput => {
  const s = seedState()
  return {
    profile: PERSONAS.shopper,
    era: 'beta',
    appVersion: '10.40.0',
    items: [{ wechatEligible: true, huabeiSellerPays: false }],
    amountFen: 365_80,
    account: s.gateway.accounts.shopper,
    now: T0,
    ...over,
  }
}

describe('eligibility', () => {
  it('offers Alipay balance with the balance beside it', () => {
    expect(eligibility(input())).toEqual([
      { id: 'alipay-balance', enabled: true, reason: null, balanceFen: 5_000_00 },
    ])
  })

  it('disables it with NOTENOUGH when the balance is short', () => {
    const s = seedState()
    const options = eligibility(
      input({ profile: PERSONAS.low_balance, account: s.gateway.accounts.low_balance }),
    )
    expect(options).toEqual([
      { id: 'alipay-balance', enabled: false, reason: 'NOTENOUGH', balanceFen: 10_00 },
    ])
  })

  it('disables it with LOCKED while the wallet is locked, and not after', () => {
    const s = seedState()
    s.gateway.accounts.shopper.guards.alipay = { failedTries: 5, lockedUntilMs: T0 + 1000 }
    const account = s.gateway.accounts.shopper
    expect(eligibility(input({ account }))[0]).toMatchObject({ enabled: false, reason: 'LOCKED' })
    expect(eligibility(input({ account, now: T0 + 1000 }))[0]).toMatchObject({
      enabled: true,
      reason: null,
    })
  })
})
