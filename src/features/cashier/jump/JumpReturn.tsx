import { useState } from 'react'
import { fetchOrder } from '@/lib/api/shop.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Spinner } from '@/ui/Spinner.tsx'
import { useJumpStore } from './jump-store.ts'
import './jump.css'

interface JumpReturnProps {
  orderId: string
  /** The merchant says the order is paid: show the result. */
  onPaid: () => void
  /** Not paid (by the merchant's word): back to the methods, with why. */
  onNotPaid: (message: string | null) => void
}

/**
 * Back from WeChat: "已完成支付？" (已完成支付 / 支付遇到问题). Either answer asks the merchant for the truth;
 * the shopper's word alone never marks anything paid.
 */
export function JumpReturn({ orderId, onPaid, onNotPaid }: JumpReturnProps) {
  const { t } = useT()
  const pending = useJumpStore((s) => s.jumps[orderId] ?? null)
  const [checking, setChecking] = useState(false)
  if (!pending) return null

  async function check(claimed: boolean) {
    setChecking(true)
    let paid = false
    try {
      paid = (await fetchOrder(orderId)).status === 'PAID'
    } catch {
      paid = false
    }
    useJumpStore.getState().settle(orderId)
    setChecking(false)
    if (paid) onPaid()
    else onNotPaid(claimed ? t('jump.notPaid') : t('jump.cancelled'))
  }

  return (
    <div
      className="wx-return"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="wx-return-title"
      data-testid="wechat-return"
    >
      <div className="wx-return__box">
        <h2 id="wx-return-title" className="wx-return__title">
          {t('jump.returnTitle')}
        </h2>
        <p className="wx-return__body">{checking ? t('jump.checking') : t('jump.returnBody')}</p>
        <div className="wx-return__actions">
          <button
            type="button"
            className="wx-return__btn"
            disabled={checking}
            onClick={() => void check(false)}
          >
            {t('jump.problem')}
          </button>
          <button
            type="button"
            className="wx-return__btn wx-return__btn--done"
            disabled={checking}
            onClick={() => void check(true)}
          >
            {checking && <Spinner />}
            {t('jump.done')}
          </button>
        </div>
      </div>
    </div>
  )
}
