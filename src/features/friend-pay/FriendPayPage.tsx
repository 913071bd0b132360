import { useT } from '@/lib/i18n/i18n.ts'
import { LoadState } from '@/ui/LoadState.tsx'
import { PageHeader } from '@/ui/PageHeader.tsx'
import { EndedNotice } from './EndedNotice.tsx'
import { pageStatus, type FriendWallet } from './flow.ts'
import { PayPanel } from './PayPanel.tsx'
import { RequestCard } from './RequestCard.tsx'
import { useFriendPayFlow } from './useFriendPayFlow.ts'
import './friend-pay.css'

interface FriendPayPageProps {
  token: string
  wallet: FriendWallet
  /** Where the back arrow goes; none when the page is a browser tab of its own. */
  onBack?: (() => void) | undefined
}

/**
 * 帮朋友付款 (`/friend-pay/:token`), opened on another phone: who asks, the message, the items, the amount,
 * never an address or phone; an OPEN request can be paid once, every other state says why not.
 */
export function FriendPayPage({ token, wallet, onBack }: FriendPayPageProps) {
  const { t } = useT()
  const { state, send } = useFriendPayFlow(token, wallet)
  const { view } = state
  const status = pageStatus(state)

  return (
    <div className="page fp">
      <PageHeader
        title={t('friendPay.page.title')}
        backLabel={t('friendPay.page.back')}
        onBack={onBack}
        white
      />
      <div className="fp__body">
        {/* For tests only: an attribute, never words a screen reader would read out. */}
        <span hidden data-testid="friend-pay-status" data-status={status ?? 'LOADING'} />
        {status === null ? (
          <LoadState error={state.error} onRetry={() => send({ type: 'RELOAD' })} />
        ) : status === 'NOT_FOUND' || !view ? (
          <EndedNotice status="NOT_FOUND" endReason={null} paidHere={false} />
        ) : (
          <>
            {status !== 'OPEN' && (
              <EndedNotice status={status} endReason={view.endReason} paidHere={state.paidHere} />
            )}
            <RequestCard view={view} />
            {status === 'OPEN' && <PayPanel state={state} wallet={wallet} send={send} />}
          </>
        )}
      </div>
    </div>
  )
}
