import { useEffect, useRef, useState } from 'react'
import type { PaymentMethodId } from '@/contract/payment.ts'
import { isApiError } from '@/lib/api/client.ts'
import { fetchCashier } from '@/lib/api/pay.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useSettings } from '@/lib/settings.ts'
import { useResource } from '@/lib/useResource.ts'
import { Countdown } from '@/ui/Countdown.tsx'
import { Money } from '@/ui/Money.tsx'
import { Sheet, SheetHead } from '@/ui/Sheet.tsx'
import { SimMark } from '@/ui/SimMark.tsx'
import { Spinner } from '@/ui/Spinner.tsx'
import { useCashierStore } from './cashier-store.ts'
import { MethodList } from './MethodList.tsx'
import { PASSWORD_METHODS } from './methods.tsx'
import { PinPad } from './PinPad.tsx'
import { usePayment } from './usePayment.ts'
import './cashier.css'

interface CashierSheetProps {
  orderId: string
  onClose: () => void
  /** The payment went through, or its outcome must be checked: show the result. */
  onDone: (orderId: string) => void
}

/** 收银台: the amount, the time left, the methods, 确认付款, then the password pad. */
export function CashierSheet({ orderId, onClose, onDone }: CashierSheetProps) {
  const { t, lang } = useT()
  const persona = useSettings((s) => s.persona)
  const cashier = useResource(`cashier:${persona}:${orderId}`, (signal) =>
    fetchCashier(orderId, signal),
  )
  const remembered = useCashierStore((s) => s.attempts[orderId]?.method ?? null)
  const [picked, setPicked] = useState<PaymentMethodId | null>(null)
  const payment = usePayment(orderId, () => onDone(orderId))

  const onDoneRef = useRef(onDone)
  useEffect(() => {
    onDoneRef.current = onDone
  })
  const alreadyPaid = isApiError(cashier.error) && cashier.error.code === 'ORDERPAID'
  useEffect(() => {
    if (alreadyPaid) onDoneRef.current(orderId)
  }, [alreadyPaid, orderId])

  const methods = cashier.data?.methods ?? []
  const usable = (id: PaymentMethodId | null) => methods.some((m) => m.id === id && m.enabled)
  // After a reload, the method of the open attempt is chosen again.
  const selected = picked ?? (usable(remembered) ? remembered : null)

  function confirm() {
    if (!selected) return
    if (!PASSWORD_METHODS.includes(selected)) {
      payment.setError(t('cashier.notYet'))
      return
    }
    void payment.start(selected)
  }

  return (
    <Sheet
      onClose={onClose}
      labelledBy={payment.step === 'pin' ? 'pin-title' : 'cashier-title'}
      testId="cashier"
      aside={<SimMark />}
      closeOnScrim={false}
    >
      {payment.step === 'pin' ? (
        <PinPad
          key={payment.tries}
          busy={payment.busy}
          error={payment.error}
          onComplete={(password) => void payment.pay(password)}
          onBack={payment.back}
          onClose={onClose}
        />
      ) : (
        <>
          <SheetHead
            id="cashier-title"
            title={t('cashier.title')}
            closeLabel={t('cashier.close')}
            onClose={onClose}
            closeSide="left"
            closeTestId="cashier-close"
          />
          {cashier.data ? (
            <div className="sheet__body cashier">
              <div className="cashier__summary">
                <Money
                  fen={cashier.data.amountFen}
                  tag
                  testId="cashier-amount"
                  className="cashier__amount"
                />
                <Countdown
                  deadline={cashier.data.deadlineAt}
                  testId="cashier-countdown"
                  className="cashier__countdown"
                  onExpire={cashier.reload}
                >
                  {(time) => t('cashier.countdown', { time })}
                </Countdown>
              </div>
              <div className="cashier__info">
                <span>{t('cashier.orderInfo')}</span>
                <span className="cashier__order-no">{orderId}</span>
              </div>
              <MethodList
                methods={methods}
                selected={selected}
                onSelect={(id) => {
                  setPicked(id)
                  payment.setError(null)
                }}
              />
            </div>
          ) : cashier.error && !alreadyPaid ? (
            <div className="sheet__body state-box" role="alert">
              <p>{errorText(t, lang, cashier.error)}</p>
              {isFinal(cashier.error) ? (
                <button type="button" className="btn-ghost" onClick={onClose}>
                  {t('common.close')}
                </button>
              ) : (
                <button type="button" className="btn-ghost" onClick={cashier.reload}>
                  {t('common.retry')}
                </button>
              )}
            </div>
          ) : (
            <div className="sheet__body state-box" aria-busy="true">
              <Spinner />
            </div>
          )}
          <div className="cashier__foot">
            {payment.error && (
              <p className="pay-error" data-testid="pay-error" role="alert">
                {payment.error}
              </p>
            )}
            <button
              type="button"
              className="btn-primary cashier__confirm"
              data-testid="confirm-pay"
              disabled={!cashier.data || !selected || payment.busy}
              aria-busy={payment.busy}
              onClick={confirm}
            >
              {payment.busy && <Spinner />}
              {selected || !cashier.data ? t('cashier.confirm') : t('cashier.choose')}
            </button>
          </div>
        </>
      )}
    </Sheet>
  )
}

/** The order can't be paid any more: asking again won't help. */
function isFinal(error: unknown): boolean {
  return isApiError(error) && (error.code === 'ORDERCLOSED' || error.code === 'ORDER_NOT_EXIST')
}
