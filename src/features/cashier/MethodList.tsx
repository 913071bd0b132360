import type { MethodOption, PaymentMethodId } from '@/contract/payment.ts'
import { formatMoney } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { IconCheck } from '@/ui/icons.tsx'
import { MethodIcon } from './methods.tsx'

interface MethodListProps {
  methods: MethodOption[]
  selected: PaymentMethodId | null
  onSelect: (id: PaymentMethodId) => void
}

/** Radio-like rows; a disabled one stays visible, says why, and carries aria-disabled. */
export function MethodList({ methods, selected, onSelect }: MethodListProps) {
  const { t, lang } = useT()
  return (
    <div className="methods" role="radiogroup" aria-labelledby="cashier-methods-label">
      <p id="cashier-methods-label" className="methods__label">
        {t('cashier.methodsLabel')}
      </p>
      {methods.map((m) => {
        const on = selected === m.id
        const sub =
          !m.enabled && m.reason
            ? t(`cashier.reasons.${m.reason}`)
            : m.balanceFen !== null
              ? t('cashier.balance', { amount: formatMoney(m.balanceFen, lang) })
              : null
        return (
          <button
            key={m.id}
            type="button"
            role="radio"
            aria-checked={on}
            aria-disabled={m.enabled ? undefined : true}
            className={`method${on ? ' method--on' : ''}${m.enabled ? '' : ' method--off'}`}
            data-testid={`pay-method-${m.id}`}
            onClick={() => m.enabled && onSelect(m.id)}
          >
            <MethodIcon id={m.id} />
            <span className="method__text">
              <span className="method__name">{t(`cashier.methods.${m.id}`)}</span>
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
        )
      })}
    </div>
  )
}
