import type { FundingSource, MethodOption, PaymentMethodId } from '../../../contract/payment.ts'
import { PaymentMethodIdSchema } from '../../../contract/payment.ts'
import type { Era } from '../../../contract/sim.ts'
import type { GatewaySettings } from '../../../contract/test-api.ts'
import type { TradeItem } from '../merchant/trade.ts'
import type { PersonaProfile } from '../personas.ts'
import type { Account, Goods } from '../state.ts'
import { SOURCES } from './channels.ts'
import { huabeiPlans } from './huabei.ts'
import { effectiveGuard } from './password.ts'
import type { PasswordRealm } from './channels.ts'
import { iso } from '../result.ts'

export interface EligibilityInput {
  profile: PersonaProfile
  era: Era
  appVersion: string
  items: readonly TradeItem[]
  /** The same lines' goods (titles), for the items Huabei's seller pays the fee of (免息). */
  goods?: readonly Pick<Goods, 'title'>[] | undefined
  amountFen: number
  account: Account
  settings: GatewaySettings
  now: number
}

/** WeChat Pay at the 2024 launch needs at least this Taobao version. */
export const WECHAT_MIN_APP_VERSION = '10.38.0'

/** `a < b` for dotted numeric versions (10.9.0 < 10.38.0). */
export function versionBelow(a: string, b: string): boolean {
  const x = a.split('.').map(Number)
  const y = b.split('.').map(Number)
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0)
    if (d !== 0) return d < 0
  }
  return false
}

const enabled = (id: PaymentMethodId): MethodOption => ({
  id,
  enabled: true,
  reason: null,
  balanceFen: null,
})
const disabled = (
  id: PaymentMethodId,
  reason: NonNullable<MethodOption['reason']>,
): MethodOption => ({
  id,
  enabled: false,
  reason,
  balanceFen: null,
})

/** When the realm's payments unlock (ISO), or null while it is not locked. */
function lockedUntil(input: EligibilityInput, realm: PasswordRealm): string | null {
  const until = effectiveGuard(input.account.guards[realm], input.now).lockedUntilMs
  return until === null ? null : iso(until)
}

/** A method that draws on a balance the cashier can see: LOCKED while its realm is, NOTENOUGH when short. */
function fromBalance(
  id: PaymentMethodId,
  source: FundingSource,
  input: EligibilityInput,
): MethodOption {
  const spec = SOURCES[source]
  const balance = input.account.wallet[spec.wallet]
  const until = lockedUntil(input, spec.realm)
  const reason = until !== null ? 'LOCKED' : balance < input.amountFen ? 'NOTENOUGH' : null
  const lock = until === null ? {} : { lockedUntil: until }
  // A bank card's balance is the bank's business: the cashier names the card instead.
  if (spec.card)
    return { id, enabled: reason === null, reason, balanceFen: null, card: spec.card, ...lock }
  return { id, enabled: reason === null, reason, balanceFen: balance, ...lock }
}

/** The titles of the seller-pays (免息) items, once each, in the order's order. */
export function freeItemTitles(input: Pick<EligibilityInput, 'items' | 'goods'>): string[] {
  const titles = input.items.flatMap((item, i) => {
    const title = input.goods?.[i]?.title
    return item.huabeiSellerPays && title !== undefined ? [title] : []
  })
  return [...new Set(titles)]
}

/** One rule per method: the option to show, or `null` when the shopper could not see it at all. */
type Rule = (input: EligibilityInput) => MethodOption | null

const RULES: Record<PaymentMethodId, Rule> = {
  'alipay-balance': (i) => fromBalance('alipay-balance', 'alipay-balance', i),
  'alipay-card': (i) => fromBalance('alipay-card', 'alipay-card', i),
  huabei: (i) =>
    i.profile.hasHuabei
      ? {
          ...fromBalance('huabei', 'huabei', i),
          plans: huabeiPlans(i.amountFen, i.items, i.settings),
          ...(freeItemTitles(i).length > 0 ? { freeItems: freeItemTitles(i) } : {}),
        }
      : disabled('huabei', 'NO_HUABEI'),
  unionpay: (i) => fromBalance('unionpay', 'unionpay-card', i),
  // Taobao cannot see into WeChat: its pay sheet tells a short balance. The app version and a lock are known.
  wechat: (i) => {
    if (i.era !== 'launch') return null
    if (versionBelow(i.appVersion, WECHAT_MIN_APP_VERSION)) return disabled('wechat', 'UPDATE_APP')
    const until = lockedUntil(i, 'wechat')
    if (until !== null) return { ...disabled('wechat', 'LOCKED'), lockedUntil: until }
    return enabled('wechat')
  },
  // The 2022 beta: only the invited cohort could see it at all, and only some goods could use it.
  // Whoever scans pays, so neither the shopper's balance nor lock applies.
  'wechat-scan': (i) => {
    if (i.era !== 'beta' || !i.profile.invitedToBeta) return null
    return i.items.every((item) => item.wechatEligible)
      ? enabled('wechat-scan')
      : disabled('wechat-scan', 'ITEM_NOT_ELIGIBLE')
  },
  'friend-pay': () => enabled('friend-pay'),
}

/** The one method's option, or `null` if the shopper cannot see it. */
export function optionFor(method: PaymentMethodId, input: EligibilityInput): MethodOption | null {
  return RULES[method](input)
}

/** The cashier's methods, in the cashier's order. */
export function eligibility(input: EligibilityInput): MethodOption[] {
  return PaymentMethodIdSchema.options.flatMap((id) => {
    const option = RULES[id](input)
    return option ? [option] : []
  })
}

/**
 * Reasons that the moment can change (money arrives, the lock runs out): a payment may still be opened,
 * and confirming it tells the precise error.
 */
export function isTransientReason(reason: MethodOption['reason']): boolean {
  return reason === 'NOTENOUGH' || reason === 'LOCKED'
}
