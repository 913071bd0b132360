import type { FriendRequestEnd } from '@/contract/friend-pay.ts'
import { useT, type MessageKey } from '@/lib/i18n/i18n.ts'
import type { PageStatus } from './flow.ts'

interface EndedNoticeProps {
  status: Exclude<PageStatus, 'OPEN'>
  endReason: FriendRequestEnd | null
  /** This phone paid it just now. */
  paidHere: boolean
}

/** Why this link cannot be paid: paid (by you or someone), cancelled, expired, the order closed, not found. */
export function EndedNotice({ status, endReason, paidHere }: EndedNoticeProps) {
  const { t } = useT()
  const [title, hint] = words(status, endReason, paidHere)
  return (
    <div
      className={`fp__ended fp__ended--${status.toLowerCase()}`}
      data-testid="friend-pay-ended"
      role="status"
    >
      <h2>{t(title)}</h2>
      {hint && <p>{t(hint)}</p>}
    </div>
  )
}

function words(
  status: EndedNoticeProps['status'],
  endReason: FriendRequestEnd | null,
  paidHere: boolean,
): [MessageKey, MessageKey | null] {
  switch (status) {
    case 'PAID':
      return [
        'friendPay.page.ends.PAID',
        paidHere ? 'friendPay.page.ends.PAIDHint' : 'friendPay.page.ends.PAIDOther',
      ]
    case 'CANCELLED':
      return endReason === 'ORDERPAID'
        ? ['friendPay.page.ends.ORDERPAID', 'friendPay.page.noPay']
        : ['friendPay.page.ends.CANCELLED', 'friendPay.page.noPay']
    case 'EXPIRED':
      return endReason === 'ORDERCLOSED'
        ? ['friendPay.page.ends.ORDERCLOSED', 'friendPay.page.noPay']
        : ['friendPay.page.ends.EXPIRED', 'friendPay.page.noPay']
    case 'NOT_FOUND':
      return ['friendPay.page.ends.NOT_FOUND', 'friendPay.page.ends.NOT_FOUNDHint']
  }
}
