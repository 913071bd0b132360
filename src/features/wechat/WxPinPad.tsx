import type { ReactNode } from 'react'
import { useT } from '@/lib/i18n/i18n.ts'
import { Modal } from '@/ui/Modal.tsx'
import { ForgotLink } from '@/ui/ForgotPassword.tsx'
import { PinPad } from '@/ui/PinPad.tsx'
import { WxSheetHead } from './WxSheetHead.tsx'
import './wechat-pin.css'

interface WxPinPadProps {
  /** What is being paid: payee, amount, method row. */
  summary: ReactNode
  busy: boolean
  /** WeChat Pay's password is locked: the keys rest, `error` says until when. */
  locked: boolean
  /** The lock's words (role="alert" on the pad). */
  error: string | null
  /** Just reset by 忘记密码？: the pad says so instead of the usual hint. */
  unlocked: boolean
  /** A dialog is over the pad (the reset's question, a refusal): keys do nothing. */
  paused: boolean
  onComplete: (password: string) => void
  /** 忘记密码？: the flow opens the simulated reset (pin-reset.ts). */
  onForgot: () => void
  onClose: () => void
}

/**
 * WeChat's password sheet: × and 请输入支付密码, the payee and amount, then the pad (ui/PinPad.tsx) in
 * WeChat's look, and 忘记密码？. The sixth digit submits; Escape or × closes it. Remount (new key) to clear
 * it.
 */
export function WxPinPad(props: WxPinPadProps) {
  const { summary, busy, onComplete, onClose } = props
  const { t } = useT()
  return (
    <Modal
      className="wx-overlay"
      labelledBy="wx-pin-title"
      testId="wechat-pin-pad"
      onCancel={onClose}
    >
      <div className="wx-pin">
        <PinPad
          look="wechat"
          titleId="wx-pin-title"
          busy={busy}
          locked={props.locked}
          paused={props.paused}
          busyText={t('wechat.pay.paying')}
          error={props.error}
          hint={props.unlocked ? t('pin.unlocked') : t('pin.hint')}
          onComplete={onComplete}
          links={<ForgotLink onClick={props.onForgot} />}
          head={
            <>
              <WxSheetHead
                titleId="wx-pin-title"
                title={t('wechat.pay.enterPassword')}
                closeLabel={t('wechat.pay.closePin')}
                onClose={onClose}
              />
              {summary}
            </>
          }
        />
      </div>
    </Modal>
  )
}
