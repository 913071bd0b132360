import type { Cashier, HuabeiPeriods, MethodOption, PaymentMethodId } from '@/contract/payment.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Countdown } from '@/ui/Countdown.tsx'
import { IconClock } from '@/ui/icons.tsx'
import { Money } from '@/ui/Money.tsx'
import { Spinner } from '@/ui/Spinner.tsx'
import { MethodList } from './MethodList.tsx'

interface CashierBodyProps {
  orderId: string
  cashier: Cashier | undefined
  error: unknown
  /** The order closed (its deadline passed, by the server's word): nothing can pay it now. */
  closed: boolean
  selected: PaymentMethodId | null
  onSelect: (id: PaymentMethodId) => void
  /** A tap on a disabled row (an old app's 微信支付 answers with the update notice). */
  onDisabledTap?: (method: MethodOption) => void
  huabeiPeriods: HuabeiPeriods
  onPlan: (periods: HuabeiPeriods) => void
  busy: boolean
  /** The countdown reached zero: ask the server (it closes orders, not us). */
  onExpire: () => void
  onRetry: () => void
  onClose: () => void
}

/** The cashier's middle: amount and time left, then the methods; or why it can't pay; or a spinner. */
export function CashierBody(props: CashierBodyProps) {
  const { t, lang } = useT()
  const { cashier, error, closed } = props

  if (closed) {
    return (
      <div className="sheet__body state-box cashier-closed" role="alert">
        <span className="cashier-closed__icon">
          <IconClock size={34} strokeWidth={1.6} />
        </span>
        <p className="cashier-closed__title">{t('cashier.closed')}</p>
        {cashier && <Money fen={cashier.amountFen} tag className="cashier-closed__amount" />}
        <p>{t('cashier.closedHint')}</p>
        <button type="button" className="btn-ghost" onClick={props.onClose}>
          {t('common.close')}
        </button>
      </div>
    )
  }

  if (cashier) {
    return (
      <div className="sheet__body cashier">
        <div className="cashier__summary">
          <Money fen={cashier.amountFen} tag testId="cashier-amount" className="cashier__amount" />
          <Countdown
            deadline={cashier.deadlineAt}
            testId="cashier-countdown"
            className="cashier__countdown"
            onExpire={props.onExpire}
          >
            {(time) => t('cashier.countdown', { time })}
          </Countdown>
        </div>
        <div className="cashier__info">
          <span>{t('cashier.orderInfo')}</span>
          <span className="cashier__order-no">{props.orderId}</span>
        </div>
        <MethodList
          methods={cashier.methods}
          selected={props.selected}
          onSelect={props.onSelect}
          onDisabledTap={props.onDisabledTap}
          huabeiPeriods={props.huabeiPeriods}
          onPlan={props.onPlan}
          busy={props.busy}
        />
      </div>
    )
  }

  if (error) {
    return (
      <div className="sheet__body state-box" role="alert">
        <p>{errorText(t, lang, error)}</p>
        <button type="button" className="btn-ghost" onClick={props.onRetry}>
          {t('common.retry')}
        </button>
      </div>
    )
  }

  return (
    <div className="sheet__body state-box" aria-busy="true">
      <Spinner />
      <span className="cashier__loading">{t('common.loading')}</span>
    </div>
  )
}
