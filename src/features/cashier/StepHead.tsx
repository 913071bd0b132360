import type { ReactNode } from 'react'
import { useT } from '@/lib/i18n/i18n.ts'
import { IconBack } from '@/ui/icons.tsx'
import { IconClose } from '@/ui/more-icons.tsx'

interface StepHeadProps {
  title: ReactNode
  /** The id the sheet's dialog is labelled by. */
  titleId: string
  backLabel: string
  backDisabled?: boolean
  onBack: () => void
  onClose: () => void
}

/** The head of a cashier step (password, QR code, ask a friend): back, the step's title, ✕. */
export function StepHead({
  title,
  titleId,
  backLabel,
  backDisabled,
  onBack,
  onClose,
}: StepHeadProps) {
  const { t } = useT()
  return (
    <div className="sheet__head">
      <button
        type="button"
        className="sheet__close sheet__close--left"
        aria-label={backLabel}
        disabled={backDisabled}
        onClick={onBack}
      >
        <IconBack size={22} />
      </button>
      <h2 id={titleId}>{title}</h2>
      <button
        type="button"
        className="sheet__close sheet__close--right"
        aria-label={t('cashier.close')}
        data-testid="cashier-close"
        onClick={onClose}
      >
        <IconClose size={22} />
      </button>
    </div>
  )
}
