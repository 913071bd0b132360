import { describe, expect, it } from 'vitest'
import type { MethodOption, PaymentMethodId } from '../../../contract/payment.ts'
import type { Era, PersonaId } from '../../../contract/sim.ts'
import type { TradeItem } from '../merchant/trade.ts'
import { PERSONAS } from '../personas.ts'
import { seedState } from '../seed.ts'
import { T0 } from '../testing.ts'
import type { PasswordRealm } from './channels.ts'
import { eligibility, versionBelow } from './eligibility.ts'
import type { EligibilityInput } from './eligibility.ts'

const eligible: TradeItem = { wechatEligible: true, huabeiSellerPays: false, lineFen: 365_80 }
const notEligible: TradeItem = { wechatEligible: false, huabeiSellerPays: true, lineFen: 299_00 }

interface Case {
  persona: PersonaId
  era: Era
  appVersion?: string
  items?: TradeItem[]
  amountFen?: number
  locked?: PasswordRealm[]
}

function options(c: Case): MethodOption[] {
  const s = seedState()
  const account = s.gateway.accounts[c.persona]
  for (const realm of c.locked ?? [])
    account.guards[realm] = { failedTries: 5, lockedUntilMs: T0 + 1 }
  const input: EligibilityInput = {
    profile: PERSONAS[c.persona],
    era: c.era,
    appVersion: c.appVersion ?? PERSONAS[c.persona].appVersion,
    items: c.items ?? [eligible],
    amountFen: c.amountFen ?? 365_80,
    account,
    settings: s.gateway.settings,
    now: T0,
  }
  return eligibility(input)
}

/** The table as `id` (enabled) or `id:REASON` (disabled); an absent id is a method the user cannot see. */
function table(c: Case): string[] {
  return options(c).map((o) => (o.enabled ? o.id : `${o.id}:${o.reason}`))
}

const BETA_ALL = [
  'alipay-balance',
  'alipay-card',
  'huabei',
  'unionpay',
  'wechat-scan',
  'friend-pay',
]
const LAUNCH_ALL = ['alipay-balance', 'alipay-card', 'huabei', 'unionpay', 'wechat', 'friend-pay']

describe('the cashier method table (BRIEF §6)', () => {
  it.each<[string, Case, string[]]>([
    ['beta, invited, eligible goods', { persona: 'shopper', era: 'beta' }, BETA_ALL],
    [
      'beta, invited, a good outside the beta',
      { persona: 'shopper', era: 'beta', items: [eligible, notEligible] },
      BETA_ALL.map((id) => (id === 'wechat-scan' ? 'wechat-scan:ITEM_NOT_ELIGIBLE' : id)),
    ],
    [
      'beta, not invited: the beta route is absent, not disabled',
      { persona: 'not_invited', era: 'beta' },
      BETA_ALL.filter((id) => id !== 'wechat-scan'),
    ],
    [
      'beta, not invited, ineligible goods: still absent',
      { persona: 'not_invited', era: 'beta', items: [notEligible] },
      BETA_ALL.filter((id) => id !== 'wechat-scan'),
    ],
    [
      'beta, old app: the scan code needs no app update',
      { persona: 'old_app', era: 'beta' },
      BETA_ALL,
    ],
    [
      'launch, shopper: WeChat Pay, no scan code',
      { persona: 'shopper', era: 'launch' },
      LAUNCH_ALL,
    ],
    [
      'launch, not invited: WeChat Pay is for everyone',
      { persona: 'not_invited', era: 'launch' },
      LAUNCH_ALL,
    ],
    [
      'launch, ineligible goods: WeChat Pay takes them',
      { persona: 'shopper', era: 'launch', items: [notEligible] },
      LAUNCH_ALL,
    ],
    [
      'launch, old app (10.10.0): update to use WeChat Pay',
      { persona: 'old_app', era: 'launch' },
      LAUNCH_ALL.map((id) => (id === 'wechat' ? 'wechat:UPDATE_APP' : id)),
    ],
    [
      'launch, app 10.37.9 from the header',
      { persona: 'shopper', era: 'launch', appVersion: '10.37.9' },
      LAUNCH_ALL.map((id) => (id === 'wechat' ? 'wechat:UPDATE_APP' : id)),
    ],
    [
      'launch, app 10.38.0 exactly',
      { persona: 'old_app', era: 'launch', appVersion: '10.38.0' },
      LAUNCH_ALL,
    ],
    [
      'low balance: balance and UnionPay short, no Huabei; the linked card and the others still pay',
      { persona: 'low_balance', era: 'beta' },
      [
        'alipay-balance:NOTENOUGH',
        'alipay-card',
        'huabei:NO_HUABEI',
        'unionpay:NOTENOUGH',
        'wechat-scan',
        'friend-pay',
      ],
    ],
    [
      'low balance at launch: WeChat balances are for the WeChat sheet to tell',
      { persona: 'low_balance', era: 'launch' },
      [
        'alipay-balance:NOTENOUGH',
        'alipay-card',
        'huabei:NO_HUABEI',
        'unionpay:NOTENOUGH',
        'wechat',
        'friend-pay',
      ],
    ],
    [
      'the friend has no Huabei',
      { persona: 'friend', era: 'beta' },
      BETA_ALL.map((id) => (id === 'huabei' ? 'huabei:NO_HUABEI' : id)),
    ],
    [
      'more than the Huabei line (¥3,000) and the Alipay balance (¥5,000)',
      { persona: 'shopper', era: 'beta', amountFen: 5_000_01 },
      [
        'alipay-balance:NOTENOUGH',
        'alipay-card',
        'huabei:NOTENOUGH',
        'unionpay',
        'wechat-scan',
        'friend-pay',
      ],
    ],
    [
      'Alipay realm locked: balance, card and Huabei',
      { persona: 'shopper', era: 'launch', locked: ['alipay'] },
      [
        'alipay-balance:LOCKED',
        'alipay-card:LOCKED',
        'huabei:LOCKED',
        'unionpay',
        'wechat',
        'friend-pay',
      ],
    ],
    [
      'LOCKED wins over NOTENOUGH and loses to NO_HUABEI',
      { persona: 'low_balance', era: 'beta', locked: ['alipay', 'unionpay'] },
      [
        'alipay-balance:LOCKED',
        'alipay-card:LOCKED',
        'huabei:NO_HUABEI',
        'unionpay:LOCKED',
        'wechat-scan',
        'friend-pay',
      ],
    ],
    [
      'WeChat realm locked: the jump is; a scan code is paid by whoever scans',
      { persona: 'shopper', era: 'launch', locked: ['wechat'] },
      LAUNCH_ALL.map((id) => (id === 'wechat' ? 'wechat:LOCKED' : id)),
    ],
    [
      'WeChat realm locked in beta: the scan code stays',
      { persona: 'shopper', era: 'beta', locked: ['wechat'] },
      BETA_ALL,
    ],
    [
      'an old app that is also locked is told to update first',
      { persona: 'old_app', era: 'launch', locked: ['wechat'] },
      LAUNCH_ALL.map((id) => (id === 'wechat' ? 'wechat:UPDATE_APP' : id)),
    ],
  ])('%s', (_name, c, expected) => {
    expect(table(c)).toEqual(expected)
  })

  it('shows balances beside balance methods, the card beside card methods, plans beside Huabei', () => {
    const byId = new Map<PaymentMethodId, MethodOption>(
      options({ persona: 'shopper', era: 'beta' }).map((o) => [o.id, o]),
    )
    expect(byId.get('alipay-balance')).toEqual({
      id: 'alipay-balance',
      enabled: true,
      reason: null,
      balanceFen: 5_000_00,
    })
    expect(byId.get('alipay-card')).toMatchObject({ balanceFen: null, card: { last4: '8888' } })
    expect(byId.get('unionpay')).toMatchObject({ balanceFen: null, card: { last4: '6666' } })
    const huabei = byId.get('huabei')
    expect(huabei?.balanceFen).toBe(3_000_00)
    expect(huabei?.plans?.map((p) => p.periods)).toEqual([0, 3, 6, 12])
    expect(byId.get('friend-pay')).toEqual({
      id: 'friend-pay',
      enabled: true,
      reason: null,
      balanceFen: null,
    })
  })

  it('unlocks when the lock runs out', () => {
    const s = seedState()
    s.gateway.accounts.shopper.guards.alipay = { failedTries: 5, lockedUntilMs: T0 + 1000 }
    const input = (now: number): EligibilityInput => ({
      profile: PERSONAS.shopper,
      era: 'beta',
      appVersion: '10.40.0',
      items: [eligible],
      amountFen: 100,
      account: s.gateway.accounts.shopper,
      settings: s.gateway.settings,
      now,
    })
    expect(eligibility(input(T0))[0]).toMatchObject({ enabled: false, reason: 'LOCKED' })
    expect(eligibility(input(T0 + 1000))[0]).toMatchObject({ enabled: true, reason: null })
  })
})

describe('versionBelow', () => {
  it('compares numerically, part by part', () => {
    expect(versionBelow('10.10.0', '10.38.0')).toBe(true)
    expect(versionBelow('10.9.99', '10.38.0')).toBe(true)
    expect(versionBelow('10.38.0', '10.38.0')).toBe(false)
    expect(versionBelow('10.40.0', '10.38.0')).toBe(false)
    expect(versionBelow('11.0.0', '10.38.0')).toBe(false)
    expect(versionBelow('9.99.99', '10.0.0')).toBe(true)
  })
})
