import { useNavigate, useParams } from 'react-router'
import { WECHAT_HOME } from '@/contract/paths.ts'
import { FriendPayPage } from '@/features/friend-pay/FriendPayPage.tsx'
import type { FriendWallet } from '@/features/friend-pay/flow.ts'

/**
 * The friend's page, opened from the shared link: `/friend-pay/:token` in a browser (Alipay pays), or
 * `/wechat/friend-pay/:token` when the link is opened inside the simulated WeChat (WeChat Pay pays).
 */
export function FriendPayRoute({ wallet }: { wallet: FriendWallet }) {
  const { token = '' } = useParams()
  const navigate = useNavigate()
  // In WeChat's browser the back arrow returns to the chat the link was tapped in, or to WeChat.
  const back =
    wallet === 'wechat'
      ? () => void (historyIndex() > 0 ? navigate(-1) : navigate(WECHAT_HOME))
      : undefined
  return <FriendPayPage key={token} token={token} wallet={wallet} onBack={back} />
}

/** react-router's position in this tab's history (0 when the page was opened directly). */
function historyIndex(): number {
  const state: unknown = window.history.state
  return state && typeof state === 'object' && 'idx' in state && typeof state.idx === 'number'
    ? state.idx
    : 0
}
