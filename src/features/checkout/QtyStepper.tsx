import { useT } from '@/lib/i18n/i18n.ts'

interface QtyStepperProps {
  value: number
  max: number
  /** What is being counted, for screen readers. */
  label: string
  onChange: (qty: number) => void
}

/** − n +, bounded to 1..max. */
export function QtyStepper({ value, max, label, onChange }: QtyStepperProps) {
  const { t } = useT()
  return (
    <div className="stepper" role="group" aria-label={`${t('checkout.qty.value')}: ${label}`}>
      <button
        type="button"
        className="stepper__btn"
        aria-label={t('checkout.qty.decrease')}
        disabled={value <= 1}
        onClick={() => onChange(value - 1)}
      >
        −
      </button>
      <output className="stepper__value" aria-live="polite">
        {value}
      </output>
      <button
        type="button"
        className="stepper__btn"
        aria-label={t('checkout.qty.increase')}
        disabled={value >= max}
        onClick={() => onChange(value + 1)}
      >
        +
      </button>
    </div>
  )
}
