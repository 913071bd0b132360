import type { Installment } from '@/contract/payment.ts'

/**
 * Why a Huabei plan's fee is what it is, from what the gateway computed it on (`feeBaseFen`,
 * `feeRateBp`): the buyer's rate on the whole amount, on the buyer-pays share only (the 免息 items' share
 * carries none), none at all (every item 免息), or no fee for paying in full.
 */
export type FeeBasis =
  | { kind: 'full' }
  | { kind: 'all-free' }
  | { kind: 'whole'; baseFen: number; rateBp: number }
  | { kind: 'mixed'; baseFen: number; freeFen: number; rateBp: number }

export function feeBasis(plan: Installment): FeeBasis {
  if (plan.periods === 0) return { kind: 'full' }
  const amountFen = plan.totalFen - plan.feeFen
  if (plan.feeBaseFen === 0) return { kind: 'all-free' }
  if (plan.feeBaseFen >= amountFen) {
    return { kind: 'whole', baseFen: plan.feeBaseFen, rateBp: plan.feeRateBp }
  }
  return {
    kind: 'mixed',
    baseFen: plan.feeBaseFen,
    freeFen: amountFen - plan.feeBaseFen,
    rateBp: plan.feeRateBp,
  }
}

/** A rate in basis points as a percentage of the language: 250 → "2.5%". */
export function formatRate(rateBp: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 2 }).format(
    rateBp / 10_000,
  )
}
