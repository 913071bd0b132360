import { useParams } from 'react-router'
import { FriendPayPage } from '@/features/friend-pay/FriendPayPage.tsx'

/** `/friend-pay/:token`: the friend's page, opened from the shared link on any phone or browser. */
export function FriendPayRoute() {
  const { token = '' } = useParams()
  return <FriendPayPage key={token} token={token} />
}
