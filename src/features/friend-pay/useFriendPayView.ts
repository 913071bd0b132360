import { useEffect } from 'react'
import { fetchFriendPayView, friendRequestEventsUrl } from '@/lib/api/friend-pay.ts'
import { useSettings } from '@/lib/settings.ts'
import { useResource } from '@/lib/useResource.ts'

/**
 * The friend's view of a request, asked again whenever the request's event stream says something changed
 * (paid, cancelled, expired, the order closed or paid another way). A bad token has no stream: 404 stays.
 */
export function useFriendPayView(token: string) {
  const persona = useSettings((s) => s.persona)
  const era = useSettings((s) => s.era)
  const view = useResource(`friend-pay:${persona}:${token}`, (signal) =>
    fetchFriendPayView(token, signal),
  )
  const { reload } = view
  const found = view.data !== undefined
  useEffect(() => {
    if (!found || typeof EventSource === 'undefined') return undefined
    const source = new EventSource(friendRequestEventsUrl(token, { persona, era }))
    // Every event (the snapshot too: a change may have come between the fetch and the connect) asks again.
    source.onmessage = () => reload()
    return () => source.close()
  }, [found, token, persona, era, reload])
  return view
}
