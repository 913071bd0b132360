import type { HuabeiPeriods, Installment } from '@/contract/payment.ts'
import { formatMoney } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { periodBills } from '@/lib/installment.ts'
import { feeBasis, formatRate } from './huabei-fee.ts'

interface HuabeiPlansProps {
  plans: Installment[]
  /** The titles of the items whose seller pays the fee (免息). */
  freeItems?: readonly string[] | undefined
  selected: HuabeiPeriods
  onSelect: (periods: HuabeiPeriods) => void
  disabled: boolean
}

/**
 * 花呗分期: pay in full, 3, 6 or 12 periods as cards, each with the per-period bill and its fee, as the
 * gateway computed them (免手续费 where the seller pays the fee).
 */
export function HuabeiPlans({
  plans,
  freeItems = [],
  selected,
  onSelect,
  disabled,
}: HuabeiPlansProps) {
  const { t, lang } = useT()
  const money = (fen: number) => formatMoney(fen, lang)
  // The chosen plan's fee, explained (paying in full has none to explain).
  const chosen = plans.find((p) => p.periods === selected)
  const basis = chosen ? feeBasis(chosen) : null
  return (
    <div className="plans" role="radiogroup" aria-labelledby="huabei-plans-label">
      <p id="huabei-plans-label" className="plans__label">
        {t('cashier.plans.label')}
      </p>
      <div className="plans__grid">
        {plans.map((plan) => {
          const on = plan.periods === selected
          const { regular, first } = periodBills(plan)
          const full = plan.periods === 0
          return (
            <button
              key={plan.periods}
              type="button"
              role="radio"
              aria-checked={on}
              disabled={disabled}
              className={on ? 'plan plan--on' : 'plan'}
              data-testid={`huabei-plan-${plan.periods}`}
              onClick={() => onSelect(plan.periods)}
            >
              <span className="plan__main">
                {full
                  ? t('cashier.plans.full')
                  : t('cashier.plans.perPeriod', {
                      amount: money(regular.totalFen),
                      n: plan.periods,
                    })}
              </span>
              <span className="plan__fee">
                {full
                  ? money(plan.totalFen)
                  : plan.feeFen === 0
                    ? t('cashier.plans.free')
                    : t('cashier.plans.fee', { amount: money(regular.feeFen) })}
              </span>
              {!full && first && (
                <span className="plan__first">
                  {t('cashier.plans.firstPeriod', { amount: money(first.totalFen) })}
                </span>
              )}
            </button>
          )
        })}
      </div>
      {freeItems.length > 0 && (
        <ul
          className="plans__free"
          aria-label={t('cashier.plans.freeItems')}
          data-testid="huabei-free-items"
        >
          {freeItems.map((title) => (
            <li key={title}>
              <span className="plans__free-tag">{t('cashier.plans.freeTag')}</span>
              <span className="plans__free-title">{title}</span>
            </li>
          ))}
        </ul>
      )}
      {basis && basis.kind !== 'full' && (
        <p className="plans__why" data-testid="huabei-fee-basis">
          {basis.kind === 'all-free'
            ? t('cashier.plans.whyAllFree')
            : basis.kind === 'whole'
              ? t('cashier.plans.whyWhole', {
                  base: money(basis.baseFen),
                  rate: formatRate(basis.rateBp, lang),
                })
              : t('cashier.plans.whyMixed', {
                  base: money(basis.baseFen),
                  rate: formatRate(basis.rateBp, lang),
                  free: money(basis.freeFen),
                })}
        </p>
      )}
    </div>
  )
}
