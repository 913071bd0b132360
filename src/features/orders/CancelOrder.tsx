import { useRef, useState } from 'react'
import { cancelOrder } from '@/lib/api/shop.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { showToast } from '@/lib/toast.ts'
import { Question } from '@/ui/Question.tsx'

interface CancelOrderProps {
  orderId: string
  /** The merchant closed it: the screen asks again. */
  onCancelled: () => void
}

/**
 * 取消订单 on a pending order: asked first (暂不取消 takes the focus, as Escape), then the merchant closes
 * this shop's order; the checkout's other orders stay to pay. A second tap while it runs does nothing.
 */
export function CancelOrder({ orderId, onCancelled }: CancelOrderProps) {
  const { t, lang } = useT()
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const inFlight = useRef(false)

  async function confirm() {
    if (inFlight.current) return
    inFlight.current = true
    setBusy(true)
    try {
      await cancelOrder(orderId)
      showToast(t('orders.cancel.done'))
      setAsking(false)
      onCancelled()
    } catch (error) {
      showToast(errorText(t, lang, error))
      setAsking(false)
      onCancelled()
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }

  return (
    <>
      <button
        type="button"
        className="btn-ghost pay-now__cancel"
        data-testid="order-cancel"
        onClick={() => setAsking(true)}
      >
        {t('orders.cancel.button')}
      </button>
      {asking && (
        <Question
          look="retain"
          role="alertdialog"
          title={t('orders.cancel.title')}
          titleId={`cancel-title-${orderId}`}
          bodyId={`cancel-body-${orderId}`}
          body={t('orders.cancel.body')}
          answers={[
            {
              label: t('orders.cancel.confirm'),
              onClick: () => void confirm(),
              testId: 'order-cancel-confirm',
              disabled: busy,
            },
            { label: t('orders.cancel.keep'), onClick: () => setAsking(false) },
          ]}
          testId="order-cancel-dialog"
          onCancel={() => setAsking(false)}
        />
      )}
    </>
  )
}
