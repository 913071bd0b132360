import type { MethodOption, PaymentMethodId } from '../../../contract/payment.ts'
import { PaymentMethodIdSchema } from '../../../contract/payment.ts'
import type { Era } from '../../../contract/sim.ts'
import type { PersonaProfile } from '../personas.ts'
import type { Account } from '../state.ts'
import { isLocked } from './password.ts'

export interface EligibilityInput {
  profile: PersonaProfile
  era: Era
  appVersion: string
  items: readonly { wechatEligible: boolean; huabeiSellerPays: boolean }[]
  amountFen: number
  account: Account
  now: number
}

/** One rule per method: the option to show, or `null` when the shopper could not see it at all. */
type Rule = (input: EligibilityInput) => MethodOption | null

const rules: Partial<Record<PaymentMethodId, Rule>> = {
  'alipay-balance': ({ account, amountFen, now }) => {
    const balanceFen = account.wallet.alipayBalanceFen
    const reason = isLocked(account.guards.alipay, now)
      ? 'LOCKED'
      : balanceFen < amountFen
        ? 'NOTENOUGH'
        : null
    return { id: 'alipay-balance', enabled: reason === null, reason, balanceFen }
  },
}

/** The cashier's methods, in the cashier's order. */
export function eligibility(input: EligibilityInput): MethodOption[] {
  return PaymentMethodIdSchema.options.flatMap((id) => {
    const option = rules[id]?.(input)
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
