import { useEffect, useRef } from 'react'
import type { Payment } from '@/contract/payment.ts'
import { formatMoney } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { payeeName } from './pay-text.ts'
import { IconCheckCircle } from './wx-icons.tsx'

interface PaySuccessProps {
  /** What was paid (a Taobao payment, a merchant's order): its amount is shown. */
  payment: Pick<Payment, 'amountFen'>
  payee: string
  onDone: () => void
  /** Once on screen (the pay sheet marks its history entry, so a reload stays a success). */
  onShown?: () => void
}

/** 支付成功: the green tick, the amount, the payee, 完成. */
export function PaySuccess({ payment, payee, onDone, onShown }: PaySuccessProps) {
  const { t, lang } = useT()
  const shown = useRef(onShown)
  useEffect(() => shown.current?.(), [])
  return (
    <div className="wx wx--white">
      <main className="wx-main wx-success" data-testid="wechat-pay-success" aria-live="polite">
        <IconCheckCircle className="wx-success__tick" size={64} />
        <h1 className="wx-success__title">{t('wechat.pay.success')}</h1>
        <p className="wx-success__payee">{payeeName(payee, lang)}</p>
        <p className="wx-success__amount">{formatMoney(payment.amountFen, lang)}</p>
        <button
          type="button"
          className="wx-btn wx-btn--plain wx-success__done"
          data-testid="wechat-pay-done"
          onClick={onDone}
        >
          {t('wechat.pay.done')}
        </button>
      </main>
    </div>
  )
}
