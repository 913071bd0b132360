import { useRef } from 'react'
import type { PasswordRealm } from '@/contract/payment.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Modal } from './Modal.tsx'
import { Spinner } from './Spinner.tsx'
import './password-reset.css'

interface PasswordResetDialogProps {
  /** Whose password: the wallet it names (支付宝, 微信支付, 云闪付). */
  realm: PasswordRealm
  busy: boolean
  /** Why the last reset failed, in words. */
  error: string | null
  onConfirm: () => void
  onCancel: () => void
}

/**
 * 忘记密码？ → 重置支付密码: a centred question over the whole screen that says plainly it is simulated (a
 * real wallet verifies who you are first) and unlocks on 确认重置. Escape or 取消 leaves it as it was.
 */
export function PasswordResetDialog({
  realm,
  busy,
  error,
  onConfirm,
  onCancel,
}: PasswordResetDialogProps) {
  const { t } = useT()
  const confirm = useRef<HTMLButtonElement>(null)
  return (
    <Modal
      role="alertdialog"
      cover="screen"
      className={`pw-reset pw-reset--${realm}`}
      labelledBy="pw-reset-title"
      describedBy="pw-reset-body"
      testId="password-reset"
      initialFocus={confirm}
      onCancel={() => !busy && onCancel()}
    >
      <div className="pw-reset__box">
        <h2 id="pw-reset-title" className="pw-reset__title">
          {t('reset.title')}
        </h2>
        <p id="pw-reset-body" className="pw-reset__body">
          <span className="pw-reset__tag">{t('common.simMark')}</span>
          {t('reset.body', { app: t(`reset.apps.${realm}`) })}
        </p>
        {error && (
          <p className="pw-reset__error" role="alert">
            {error}
          </p>
        )}
        <div className="pw-reset__actions">
          <button type="button" className="pw-reset__btn" disabled={busy} onClick={onCancel}>
            {t('reset.cancel')}
          </button>
          <button
            ref={confirm}
            type="button"
            className="pw-reset__btn pw-reset__btn--primary"
            data-testid="password-reset-confirm"
            disabled={busy}
            aria-busy={busy}
            onClick={onConfirm}
          >
            {busy && <Spinner />}
            {busy ? t('reset.busy') : t('reset.confirm')}
          </button>
        </div>
      </div>
    </Modal>
  )
}
