import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { ForgotLink } from '@/ui/ForgotPassword.tsx'
import { PinPad } from '@/ui/PinPad.tsx'
import { PinSummary } from '@/ui/PinSummary.tsx'
import { CashierReset } from './CashierReset.tsx'
import type { Intent, PinView, ResetState } from './flow-state.ts'
import { StepHead } from './StepHead.tsx'

interface PasswordStepProps {
  view: PinView
  /** What the password pays, above the boxes: the amount and the method (pin-method.ts). */
  summary?: { amount: string; method: string } | null
  /** Five wrong passwords: the keys rest, the refusal says until when. */
  locked?: boolean
  /** 忘记密码？'s reset, while it is up. */
  reset?: ResetState | null
  /** The retention dialog is over it. */
  paused: boolean
  send: (intent: Intent) => void
  onClose: () => void
}

/**
 * 请输入支付密码: Alipay's pad under a bar with back (to the methods) and close (the cashier). A refusal
 * says why (tries left, the lock until when) and clears the pad; locked, it takes no digits. 忘记密码？
 * opens the simulated reset.
 */
export function PasswordStep(props: PasswordStepProps) {
  const { view, summary = null, locked = false, reset = null, paused, send, onClose } = props
  const { t, lang } = useT()
  return (
    <>
      <PinPad
        key={view.tries}
        look="alipay"
        testId="pin-pad"
        titleId="pin-title"
        busy={view.busy}
        locked={locked}
        paused={paused || reset !== null}
        busyText={t('pin.paying')}
        error={view.problem ? errorText(t, lang, view.problem) : null}
        hint={view.unlocked ? t('pin.unlocked') : t('pin.hint')}
        onComplete={(password) => send({ type: 'PASSWORD', password })}
        links={<ForgotLink onClick={() => send({ type: 'FORGOT_PASSWORD', realm: 'alipay' })} />}
        head={
          <>
            <StepHead
              titleId="pin-title"
              title={t('pin.title')}
              backLabel={t('pin.back')}
              backDisabled={view.busy}
              onBack={() => send({ type: 'BACK' })}
              onClose={onClose}
            />
            {summary && <PinSummary amount={summary.amount} method={summary.method} />}
          </>
        }
      />
      {reset && <CashierReset reset={reset} send={send} />}
    </>
  )
}
