import type { ReactNode } from 'react'
import { useT } from '@/lib/i18n/i18n.ts'
import { Modal } from '@/ui/Modal.tsx'
import { ForgotPassword } from '@/ui/ForgotPassword.tsx'
import { PinPad } from '@/ui/PinPad.tsx'
import { WxSheetHead } from './WxSheetHead.tsx'
import './wechat-pin.css'

interface WxPinPadProps {
  /** What is being paid: payee, amount, method row. */
  summary: ReactNode
  busy: boolean
  onComplete: (password: string) => void
  onClose: () => void
}

/**
 * WeChat's password sheet: × and 请输入支付密码, the payee and amount, then the pad (ui/PinPad.tsx) in
 * WeChat's look. The sixth digit submits; Escape or × closes it. Remount (new key) to clear it.
 */
export function WxPinPad({ summary, busy, onComplete, onClose }: WxPinPadProps) {
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
          busyText={t('wechat.pay.paying')}
          hint={t('pin.hint')}
          onComplete={onComplete}
          links={<ForgotPassword realm="wechat" />}
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
