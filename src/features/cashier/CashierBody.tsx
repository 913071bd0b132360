import type { HuabeiPeriods, PaymentMethodId } from '@/contract/payment.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Countdown } from '@/ui/Countdown.tsx'
import { IconClock } from '@/ui/more-icons.tsx'
import { LoadState } from '@/ui/LoadState.tsx'
import { Money } from '@/ui/Money.tsx'
import type { Intent, ListState } from './flow-state.ts'
import { MethodList } from './MethodList.tsx'

interface CashierBodyProps {
  orderId: string
  list: ListState
  /** The order closed (its deadline passed, by the server's word): nothing can pay it now. */
  closed: boolean
  selected: PaymentMethodId | null
  huabeiPeriods: HuabeiPeriods
  /** A payment is being opened: choices wait. */
  busy: boolean
  send: (intent: Intent) => void
}

/** The cashier's middle: amount and time left, then the methods; or why it can't pay; or a spinner. */
export function CashierBody({
  orderId,
  list,
  closed,
  selected,
  huabeiPeriods,
  busy,
  send,
}: CashierBodyProps) {
  const { t } = useT()
  const { cashier } = list
  const reload = () => send({ type: 'RELOAD' })

  if (closed) {
    return (
      <div className="sheet__body state-box cashier-closed" role="alert">
        <span className="cashier-closed__icon">
          <IconClock size={34} strokeWidth={1.6} />
        </span>
        <p className="cashier-closed__title">{t('cashier.closed')}</p>
        {cashier && <Money fen={cashier.amountFen} tag className="cashier-closed__amount" />}
        <p>{t('cashier.closedHint')}</p>
        <button type="button" className="btn-ghost" onClick={() => send({ type: 'CLOSE' })}>
          {t('common.close')}
        </button>
      </div>
    )
  }

  if (!cashier) {
    // Paid already: the result page follows, nothing to retry.
    const error = list.error?.code === 'ORDERPAID' ? null : list.error
    return (
      <LoadState
        className="sheet__body"
        error={error}
        onRetry={reload}
        loadingText={t('common.loading')}
        loadingTextClassName="cashier__loading"
      />
    )
  }

  return (
    <div className="sheet__body cashier">
      <div className="cashier__summary">
        <Money fen={cashier.amountFen} tag testId="cashier-amount" className="cashier__amount" />
        <Countdown
          deadline={cashier.deadlineAt}
          testId="cashier-countdown"
          className="cashier__countdown"
          onExpire={reload}
        >
          {(time) => t('cashier.countdown', { time })}
        </Countdown>
      </div>
      <div className="cashier__info">
        <span className="cashier__info-label">
          {cashier.orderIds.length > 1
            ? t('cashier.mergedInfo', { count: cashier.orderIds.length })
            : t('cashier.orderInfo')}
        </span>
        {/* Taobao names the goods here, not the 19-digit number (the number is on the order's page). */}
        <span className="cashier__order-no" data-testid="cashier-title" title={orderId}>
          {cashier.itemCount > 1
            ? t('cashier.titleMore', { title: cashier.title, count: cashier.itemCount })
            : cashier.title}
        </span>
      </div>
      <MethodList
        methods={cashier.methods}
        selected={selected}
        onSelect={(method) => send({ type: 'PICK', method })}
        onDisabledTap={(method) => send({ type: 'DISABLED_TAP', method })}
        huabeiPeriods={huabeiPeriods}
        onPlan={(periods) => send({ type: 'PLAN', periods })}
        busy={busy}
      />
    </div>
  )
}
