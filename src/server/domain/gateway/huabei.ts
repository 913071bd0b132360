import type { HuabeiPeriods, Installment } from '../../../contract/payment.ts'
import type { GatewaySettings } from '../../../contract/test-api.ts'

/** Buyer fee rates of BRIEF §4, in basis points: 2.5 %, 4.5 %, 8.8 %. Settable; these are the seed. */
export const DEFAULT_HUABEI_FEE_BP: GatewaySettings['huabeiFeeBp'] = {
  '3': 250,
  '6': 450,
  '12': 880,
}

export const HUABEI_PLANS: readonly HuabeiPeriods[] = [0, 3, 6, 12]

export interface FeeItem {
  lineFen: number
  huabeiSellerPays: boolean
}

/**
 * The part of the amount the buyer's fee applies to. A mixed order pays the fee on the buyer-pays items'
 * share only: the amount (after discounts) is shared out pro rata to the items' prices, rounded down in
 * the buyer's favour. All seller-pays (免息): zero; none: the whole amount.
 */
export function feeBaseFen(amountFen: number, items: readonly FeeItem[]): number {
  let all = 0
  let buyer = 0
  for (const item of items) {
    all += item.lineFen
    if (!item.huabeiSellerPays) buyer += item.lineFen
  }
  if (buyer === 0 || all === 0) return 0
  if (buyer === all) return amountFen
  // BigInt: amount × price can pass 2^53 for large orders.
  return Number((BigInt(amountFen) * BigInt(buyer)) / BigInt(all))
}

/** Splits `total` fen into `n` parts; the fen that don't divide evenly go to the first. */
export function splitFen(total: number, n: number): number[] {
  const each = Math.floor(total / n)
  const parts = new Array<number>(n).fill(each)
  parts[0] = total - each * (n - 1)
  return parts
}

export function feeRateBp(periods: HuabeiPeriods, settings: GatewaySettings): number {
  return periods === 0 ? 0 : settings.huabeiFeeBp[`${periods}`]
}

/**
 * One plan. The Huabei credit line is charged the principal (the order amount, which the merchant
 * receives); the fee is billed with the periods on top, so it never moves money at payment time.
 */
export function installment(
  amountFen: number,
  baseFen: number,
  periods: HuabeiPeriods,
  rateBp: number,
): Installment {
  const feeFen = Math.round((baseFen * rateBp) / 10_000)
  const n = Math.max(periods, 1)
  const principal = splitFen(amountFen, n)
  const fees = splitFen(feeFen, n)
  return {
    periods,
    feeRateBp: rateBp,
    feeBaseFen: baseFen,
    feeFen,
    totalFen: amountFen + feeFen,
    schedule: principal.map((principalFen, i) => ({ principalFen, feeFen: fees[i] ?? 0 })),
  }
}

export function planFor(
  amountFen: number,
  items: readonly FeeItem[],
  periods: HuabeiPeriods,
  settings: GatewaySettings,
): Installment {
  return installment(amountFen, feeBaseFen(amountFen, items), periods, feeRateBp(periods, settings))
}

/** Every plan, pay-in-full first, as the cashier lists them. */
export function huabeiPlans(
  amountFen: number,
  items: readonly FeeItem[],
  settings: GatewaySettings,
): Installment[] {
  return HUABEI_PLANS.map((periods) => planFor(amountFen, items, periods, settings))
}
