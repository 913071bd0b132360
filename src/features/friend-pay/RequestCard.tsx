import type { FriendPayView } from '@/contract/friend-pay.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Countdown } from '@/ui/Countdown.tsx'
import { Money } from '@/ui/Money.tsx'

/** Who asks (masked), their message (plain text: React escapes it), the goods and the amount. */
export function RequestCard({ view }: { view: FriendPayView }) {
  const { t } = useT()
  return (
    <section className="fp__card" aria-labelledby="fp-asks">
      <h2 id="fp-asks" className="fp__asks" data-testid="friend-pay-requester">
        {t('friendPay.page.asks', { name: view.requester })}
      </h2>
      {view.message && (
        <p className="fp__message" data-testid="friend-pay-message">
          {view.message}
        </p>
      )}
      <ul className="fp__items" aria-label={t('friendPay.page.items')}>
        {view.items.map((item, i) => (
          <li key={i} className="fp__item">
            <img src={item.image} alt="" width={56} height={56} />
            <span className="fp__item-text">
              <span className="fp__item-title">{item.title}</span>
              <span className="fp__item-spec">{item.spec}</span>
            </span>
            <span className="fp__item-price">
              <Money fen={item.unitFen} />
              <span>×{item.qty}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="fp__row">
        <span>{t('friendPay.page.amount')}</span>
        <Money fen={view.amountFen} tag className="fp__amount" testId="friend-pay-amount" />
      </p>
      <p className="fp__row fp__row--small">
        <span>{t('friendPay.page.payee')}</span>
        <span>{view.payee}</span>
      </p>
      {view.status === 'OPEN' && (
        <Countdown deadline={view.expiresAt} className="fp__expiry" testId="friend-pay-expiry">
          {(time) => t('friendPay.page.expires', { time })}
        </Countdown>
      )}
    </section>
  )
}
