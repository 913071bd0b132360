import { useT } from '@/lib/i18n/i18n.ts'
import { StepHead } from './StepHead.tsx'
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
        <StepHead
          titleId="pin-title"
          title={t('pin.title')}
          backLabel={t('pin.back')}
          backDisabled={props.busy}
          onBack={props.onBack}
          onClose={props.onClose}
        />
      }
    />
  )
}
