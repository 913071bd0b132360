import type { Order } from '@/contract/order.ts'
import { fetchPayment } from '@/lib/api/pay.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { planSummary } from '@/lib/installment.ts'
import { useResource } from '@/lib/useResource.ts'

/** 分期方案 of an order paid with Huabei, as its payment records it. */
export function PlanRow({ order }: { order: Order }) {
  const { t, lang } = useT()
  const paymentId = order.paymentId
  const payment = useResource(`payment:${order.persona}:${paymentId ?? ''}`, (signal) =>
    paymentId ? fetchPayment(paymentId, signal) : Promise.resolve(null),
  )
  const plan = payment.data?.installment
  if (!plan) return null
  return (
    <div data-testid="order-plan">
      <dt>{t('orders.plan')}</dt>
      <dd>{planSummary(t, lang, plan)}</dd>
    </div>
  )
}
