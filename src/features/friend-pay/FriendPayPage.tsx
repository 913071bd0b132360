import { useState } from 'react'
import type { FriendPayView } from '@/contract/friend-pay.ts'
import { isApiError } from '@/lib/api/client.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { PageHeader } from '@/ui/PageHeader.tsx'
import { Spinner } from '@/ui/Spinner.tsx'
import { EndedNotice } from './EndedNotice.tsx'
import { PayPanel, type FriendWallet } from './PayPanel.tsx'
import { RequestCard } from './RequestCard.tsx'
import { useFriendPayView } from './useFriendPayView.ts'
import './friend-pay.css'

/** The status the page shows: the request's, or NOT_FOUND for a forged or truncated token. */
export type PageStatus = FriendPayView['status'] | 'NOT_FOUND'

/**
 * 帮朋友付款 (`/friend-pay/:token`), opened on another phone: who asks, the message, the items, the amount,
 * never an address or phone; an OPEN request can be paid once, every other state says why not.
 */
interface FriendPayPageProps {
  token: string
  wallet: FriendWallet
  /** Where the back arrow goes; none when the page is a browser tab of its own. */
  onBack?: (() => void) | undefined
}

export function FriendPayPage({ token, wallet, onBack }: FriendPayPageProps) {
  const { t } = useT()
  const view = useFriendPayView(token)
  const [paidHere, setPaidHere] = useState(false)
  const notFound = isApiError(view.error) && view.error.code === 'NOT_FOUND'
  const data = view.data
  const status: PageStatus | null = notFound ? 'NOT_FOUND' : (data?.status ?? null)

  return (
    <div className="page fp">
      <PageHeader
        title={t('friendPay.page.title')}
        backLabel={t('friendPay.page.back')}
        onBack={onBack}
        white
      />
      <div className="fp__body">
        <p
          className="visually-hidden"
          data-testid="friend-pay-status"
          data-status={status ?? 'LOADING'}
        >
          {status ?? ''}
        </p>
        {status === null ? (
          view.error ? (
            <div className="state-box">
              <button type="button" className="btn-ghost" onClick={view.reload}>
                {t('common.retry')}
              </button>
            </div>
          ) : (
            <div className="state-box" aria-busy="true">
              <Spinner />
            </div>
          )
        ) : status === 'NOT_FOUND' || !data ? (
          <EndedNotice status="NOT_FOUND" endReason={null} paidHere={false} />
        ) : (
          <>
            {status !== 'OPEN' && (
              <EndedNotice status={status} endReason={data.endReason} paidHere={paidHere} />
            )}
            <RequestCard view={data} />
            {status === 'OPEN' && (
              <PayPanel
                token={token}
                wallet={wallet}
                onPaid={() => {
                  setPaidHere(true)
                  view.reload()
                }}
                onEnded={view.reload}
              />
            )}
          </>
        )}
      </div>
    </div>
  )
}
