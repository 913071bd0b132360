import type { HuabeiPeriods, Installment } from '@/contract/payment.ts'
import { formatMoney } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { periodBills } from '@/lib/installment.ts'

interface HuabeiPlansProps {
  plans: Installment[]
  selected: HuabeiPeriods
  onSelect: (periods: HuabeiPeriods) => void
  disabled: boolean
}

/**
 * 花呗分期: pay in full, 3, 6 or 12 periods as cards, each with the per-period bill and its fee, as the
 * gateway computed them (免手续费 where the seller pays the fee).
 */
export function HuabeiPlans({ plans, selected, onSelect, disabled }: HuabeiPlansProps) {
  const { t, lang } = useT()
  const money = (fen: number) => formatMoney(fen, lang)
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
    </div>
  )
}
