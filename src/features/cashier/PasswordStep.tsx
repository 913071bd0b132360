import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { PinPad } from '@/ui/PinPad.tsx'
import type { Intent, PinView } from './flow-state.ts'
import { StepHead } from './StepHead.tsx'

interface PasswordStepProps {
  view: PinView
  /** The retention dialog is over it. */
  paused: boolean
  send: (intent: Intent) => void
  onClose: () => void
}

/**
 * 请输入支付密码: Alipay's pad under a bar with back (to the methods) and close (the cashier). A refusal
 * says why (tries left, the lock until when) and clears the pad.
 */
export function PasswordStep({ view, paused, send, onClose }: PasswordStepProps) {
  const { t, lang } = useT()
  return (
    <PinPad
      key={view.tries}
      look="alipay"
      testId="pin-pad"
      titleId="pin-title"
      busy={view.busy}
      paused={paused}
      busyText={t('pin.paying')}
      error={view.problem ? errorText(t, lang, view.problem) : null}
      hint={t('pin.hint')}
      onComplete={(password) => send({ type: 'PASSWORD', password })}
      head={
        <StepHead
          titleId="pin-title"
          title={t('pin.title')}
          backLabel={t('pin.back')}
          backDisabled={view.busy}
          onBack={() => send({ type: 'BACK' })}
          onClose={onClose}
        />
      }
    />
  )
}
