import { useState } from 'react'
import type { PasswordRealm } from '@/contract/payment.ts'
import { resetPassword } from '@/lib/api/pay.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { showToast } from '@/lib/toast.ts'
import { PasswordResetDialog } from './PasswordResetDialog.tsx'

interface ForgotPasswordProps {
  realm: PasswordRealm
  /** The realm is unlocked: the pad takes the password again. */
  onReset?: () => void
}

type Phase = { open: false } | { open: true; busy: boolean; error: unknown }

/**
 * 忘记密码？ on a pad whose screen has no flow of its own for it (Alipay's sheets, the friend's page): the
 * link, the simulated reset's question, the call, a toast once it is done. The cashier and WeChat's sheets
 * have it in their flows, with ForgotLink alone.
 */
export function ForgotPassword({ realm, onReset }: ForgotPasswordProps) {
  const { t, lang } = useT()
  const [phase, setPhase] = useState<Phase>({ open: false })
  const confirm = () => {
    setPhase({ open: true, busy: true, error: null })
    resetPassword(realm).then(
      () => {
        setPhase({ open: false })
        showToast(t('reset.done'))
        onReset?.()
      },
      (error: unknown) => setPhase({ open: true, busy: false, error }),
    )
  }
  return (
    <>
      <ForgotLink onClick={() => setPhase({ open: true, busy: false, error: null })} />
      {phase.open && (
        <PasswordResetDialog
          realm={realm}
          busy={phase.busy}
          error={phase.error ? errorText(t, lang, phase.error) : null}
          onConfirm={confirm}
          onCancel={() => setPhase({ open: false })}
        />
      )}
    </>
  )
}

/** The link itself (the cashier's and WeChat's flows open their own dialog). */
export function ForgotLink({ onClick }: { onClick: () => void }) {
  const { t } = useT()
  return (
    <button type="button" className="pin-link" data-testid="pin-forgot" onClick={onClick}>
      {t('pin.forgot')}
    </button>
  )
}
