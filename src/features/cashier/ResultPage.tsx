import type { Checkout } from '@/contract/order.ts'
import { formatDateTime, maskPhone } from '@/lib/format.ts'
import { planSummary } from '@/lib/installment.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { IconCheck, IconClose } from '@/ui/more-icons.tsx'
import { ForeignOrderNotice } from '@/ui/ForeignOrderNotice.tsx'
import { MissingNotice } from '@/ui/MissingNotice.tsx'
import { Money } from '@/ui/Money.tsx'
import { PageHeader } from '@/ui/PageHeader.tsx'
import { Spinner } from '@/ui/Spinner.tsx'
import { usePaymentOutcome, type Outcome } from './usePaymentOutcome.ts'
import './result.css'

interface ResultPageProps {
  orderId: string
  onViewOrders: () => void
  onHome: () => void
  /** Opens the cashier on this order again. */
  onRetry: () => void
}

/** 支付成功 / 支付失败 / checking…, as the merchant knows it. */
export function ResultPage({ orderId, onViewOrders, onHome, onRetry }: ResultPageProps) {
  const { t } = useT()
  const outcome = usePaymentOutcome(orderId)
  if (outcome.status === 'missing') {
    return (
      <main className="page result-page">
        <PageHeader
          title={t('orders.notFound')}
          backLabel={t('result.home')}
          onBack={onHome}
          white
        />
        <MissingNotice
          title={t('orders.notFound')}
          hint={t('common.orderNotFoundHint')}
          onHome={onHome}
        />
      </main>
    )
  }
  if (outcome.status === 'foreign') {
    return (
      <main className="page result-page">
        <PageHeader
          title={t('orders.detailTitle')}
          backLabel={t('result.home')}
          onBack={onHome}
          white
        />
        <ForeignOrderNotice owner={outcome.owner} />
      </main>
    )
  }
  return (
    <main className="page result-page">
      <PageHeader
        title={t(`result.${outcome.status}`)}
        backLabel={t('result.home')}
        onBack={onHome}
        white
      />
      <section
        className="result"
        data-testid="pay-result"
        data-status={outcome.status}
        aria-live="polite"
      >
        <ResultBody outcome={outcome} />
        <div className="result__actions">
          {outcome.status === 'failed' && outcome.order?.status === 'PENDING_PAYMENT' && (
            <button type="button" className="btn-primary result__retry" onClick={onRetry}>
              {t('result.retry')}
            </button>
          )}
          {outcome.status === 'pending' && outcome.gaveUp && (
            <button type="button" className="btn-primary result__retry" onClick={onRetry}>
              {t('result.retry')}
            </button>
          )}
          <button type="button" className="btn-ghost btn-ghost--orange" onClick={onViewOrders}>
            {t('result.viewOrders')}
          </button>
          <button type="button" className="btn-ghost" onClick={onHome}>
            {t('result.home')}
          </button>
        </div>
      </section>
      {outcome.order && <OrderFacts order={outcome.order} />}
    </main>
  )
}

/** The orders' numbers (one per shop) and where they go, under the result. */
function OrderFacts({ order }: { order: Checkout }) {
  const { t, lang } = useT()
  return (
    <dl className="card result-facts">
      <div>
        <dt>{t('orders.orderNo')}</dt>
        <dd data-testid="pay-result-orders">
          {order.orderIds.map((id) => (
            <span key={id} className="result-facts__order">
              {id}
            </span>
          ))}
        </dd>
      </div>
      {order.paidAt && (
        <div>
          <dt>{t('orders.paidAt')}</dt>
          <dd>{formatDateTime(order.paidAt, lang)}</dd>
        </div>
      )}
      <div>
        <dt>{t('orders.address')}</dt>
        <dd>
          {order.address.name} {maskPhone(order.address.phone)}
          <br />
          {order.address.region} {order.address.detail}
        </dd>
      </div>
    </dl>
  )
}

function ResultBody({ outcome }: { outcome: Exclude<Outcome, { status: 'missing' | 'foreign' }> }) {
  const { t, lang } = useT()
  if (outcome.status === 'success') {
    const { order, payment } = outcome
    const plan = payment?.installment
    return (
      <>
        <span className="result__badge result__badge--ok">
          <IconCheck size={40} strokeWidth={2.6} />
        </span>
        <h2 className="result__title">{t('result.success')}</h2>
        <Money fen={order.totalFen} tag className="result__amount" />
        {order.paidWith && (
          <p className="result__meta" data-testid="pay-result-method">
            {order.paidWith === 'friend-pay'
              ? t('result.paidByFriend')
              : t('result.paidWith', { method: t(`cashier.methods.${order.paidWith}`) })}
          </p>
        )}
        {plan && (
          <p className="result__meta result__plan" data-testid="pay-result-plan">
            {t('result.plan', { plan: planSummary(t, lang, plan) })}
          </p>
        )}
      </>
    )
  }
  if (outcome.status === 'failed') {
    const reason = outcome.error
      ? errorText(t, lang, outcome.error)
      : outcome.order?.closeReason
        ? t(`orders.closeReason.${outcome.order.closeReason}`)
        : outcome.order && outcome.order.status !== 'PENDING_PAYMENT'
          ? t(`orders.statusHint.${outcome.order.status}`)
          : t('errors.generic', { code: 'PAYERROR' })
    return (
      <>
        <span className="result__badge result__badge--bad">
          <IconClose size={38} strokeWidth={2.6} />
        </span>
        <h2 className="result__title">{t('result.failed')}</h2>
        {outcome.order && (
          <Money
            fen={outcome.order.totalFen}
            tag
            className="result__amount result__amount--muted"
          />
        )}
        <p className="result__reason">{reason}</p>
      </>
    )
  }
  return (
    <>
      <span className="result__badge result__badge--wait">
        <Spinner />
      </span>
      <h2 className="result__title">{t('result.pending')}</h2>
      {outcome.order && <Money fen={outcome.order.totalFen} tag className="result__amount" />}
      <p className="result__meta">
        {outcome.gaveUp ? t('result.stillPending') : t('result.pendingHint')}
      </p>
    </>
  )
}
