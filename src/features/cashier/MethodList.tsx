import type { HuabeiPeriods, MethodOption, PaymentMethodId } from '@/contract/payment.ts'
import { formatClockTime, formatMoney } from '@/lib/format.ts'
import { useT, type Translate } from '@/lib/i18n/i18n.ts'
import { IconCheck } from '@/ui/more-icons.tsx'
import { BrandIcon } from './BrandIcon.tsx'
import { HuabeiPlans } from './HuabeiPlans.tsx'

interface MethodListProps {
  /** As the gateway listed them, in its order: the client adds and removes none. */
  methods: MethodOption[]
  selected: PaymentMethodId | null
  onSelect: (id: PaymentMethodId) => void
  onDisabledTap?: ((method: MethodOption) => void) | undefined
  huabeiPeriods: HuabeiPeriods
  onPlan: (periods: HuabeiPeriods) => void
  /** A payment is being opened: choices wait. */
  busy: boolean
}

/** The row's title: the card names itself (bank and last four), the others by their method. */
function titleOf(t: Translate, m: MethodOption): string {
  if (m.card && m.id === 'alipay-card') return t('cashier.card', m.card)
  return t(`cashier.methods.${m.id}`)
}

/** The line under the title: why it can't be used, or what it draws on. */
function subOf(t: Translate, lang: string, m: MethodOption): string | null {
  if (!m.enabled && m.reason) {
    if (m.reason === 'LOCKED' && m.lockedUntil)
      return t('cashier.reasons.LOCKED_UNTIL', { time: formatClockTime(m.lockedUntil, lang) })
    return m.id === 'huabei' && m.reason === 'NOTENOUGH'
      ? t('cashier.reasons.HUABEI_NOTENOUGH')
      : t(`cashier.reasons.${m.reason}`)
  }
  if (m.balanceFen !== null) {
    const amount = formatMoney(m.balanceFen, lang)
    return m.id === 'huabei'
      ? t('cashier.huabeiLimit', { amount })
      : t('cashier.balance', { amount })
  }
  if (m.card && m.id !== 'alipay-card') return t('cashier.card', m.card)
  if (m.id === 'wechat' || m.id === 'wechat-scan' || m.id === 'friend-pay') {
    return t(`cashier.hints.${m.id}`)
  }
  return null
}

/** Radio-like rows; a disabled one stays visible, says why, and carries aria-disabled. */
export function MethodList(props: MethodListProps) {
  const { methods, selected, onSelect, huabeiPeriods, onPlan, busy } = props
  const { t, lang } = useT()
  return (
    <div className="methods" role="radiogroup" aria-labelledby="cashier-methods-label">
      <p id="cashier-methods-label" className="methods__label">
        {t('cashier.methodsLabel')}
      </p>
      {methods.map((m) => {
        const on = selected === m.id
        const sub = subOf(t, lang, m)
        const plans = m.id === 'huabei' && on && m.plans && m.plans.length > 0 ? m.plans : null
        return (
          <div key={m.id} className={plans ? 'method-group method-group--open' : 'method-group'}>
            <button
              type="button"
              role="radio"
              aria-checked={on}
              aria-disabled={m.enabled ? undefined : true}
              className={`method${on ? ' method--on' : ''}${m.enabled ? '' : ' method--off'}`}
              data-testid={`pay-method-${m.id}`}
              onClick={() => (m.enabled ? !busy && onSelect(m.id) : props.onDisabledTap?.(m))}
            >
              <span className="method__icon">
                <BrandIcon id={m.id} />
              </span>
              <span className="method__text">
                <span className="method__name">{titleOf(t, m)}</span>
                {sub && (
                  <span className={m.enabled ? 'method__sub' : 'method__sub method__sub--reason'}>
                    {sub}
                  </span>
                )}
              </span>
              <span className={on ? 'radio-dot radio-dot--on' : 'radio-dot'} aria-hidden="true">
                {on && <IconCheck size={14} strokeWidth={3} />}
              </span>
            </button>
            {plans && (
              <HuabeiPlans
                plans={plans}
                freeItems={m.freeItems}
                selected={huabeiPeriods}
                onSelect={onPlan}
                disabled={busy}
              />
            )}
          </div>
        )
      })}
    </div>
  )
}
