import { useT } from '@/lib/i18n/i18n.ts'
import { IconBack, IconClose } from '@/ui/icons.tsx'
import { PinPad } from './PinPad.tsx'

interface PasswordStepProps {
  busy: boolean
  /** The retention dialog is over it. */
  paused: boolean
  error: string | null
  /** Bumped after a failed try: the pad clears. */
  tries: number
  onPassword: (password: string) => void
  onBack: () => void
  onClose: () => void
}

/** 请输入支付密码: Alipay's pad under a bar with back (to the methods) and close (the cashier). */
export function PasswordStep(props: PasswordStepProps) {
  const { t } = useT()
  return (
    <PinPad
      key={props.tries}
      titleId="pin-title"
      busy={props.busy}
      paused={props.paused}
      error={props.error}
      onComplete={props.onPassword}
      head={
        <div className="sheet__head">
          <button
            type="button"
            className="sheet__close sheet__close--left"
            aria-label={t('pin.back')}
            disabled={props.busy}
            onClick={props.onBack}
          >
            <IconBack size={22} />
          </button>
          <h2 id="pin-title">{t('pin.title')}</h2>
          <button
            type="button"
            className="sheet__close sheet__close--right"
            aria-label={t('cashier.close')}
            onClick={props.onClose}
            data-testid="cashier-close"
          >
            <IconClose size={22} />
          </button>
        </div>
      }
    />
  )
}
