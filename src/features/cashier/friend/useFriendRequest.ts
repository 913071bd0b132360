import { useEffect, useRef, useState } from 'react'
import type { FriendRequest, ShareVia } from '@/contract/friend-pay.ts'
import {
  cancelFriendRequest,
  createFriendRequest,
  fetchFriendRequests,
} from '@/lib/api/friend-pay.ts'
import { newIdempotencyKey } from '@/lib/idempotency.ts'
import { useOrderLive } from '@/lib/useOrderLive.ts'

/**
 * The shopper's pay-for-me request on this order: an open one is found again (a reload, coming back from
 * WeChat), a new one is created once however often it is tapped, and its status follows the order's stream.
 */
export function useFriendRequest(orderId: string) {
  const [request, setRequest] = useState<FriendRequest | null>(null)
  const [loaded, setLoaded] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const key = useRef<string | null>(null)
  const live = useOrderLive(orderId)

  useEffect(() => {
    const abort = new AbortController()
    fetchFriendRequests(orderId, abort.signal)
      .then((list) => {
        const open = list.find((r) => r.status === 'OPEN')
        if (open) setRequest((current) => current ?? open)
        setLoaded(true)
      })
      .catch(() => setLoaded(true))
    return () => abort.abort()
  }, [orderId])

  async function create(message: string, via: ShareVia) {
    if (busy) return
    key.current ??= newIdempotencyKey()
    setBusy(true)
    setError(null)
    try {
      setRequest(await createFriendRequest({ orderId, message, via }, key.current))
      // A lost answer is asked again with the same key; a created request frees it for the next one.
      key.current = null
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  async function cancel() {
    if (!request || busy) return
    setBusy(true)
    try {
      setRequest(await cancelFriendRequest(request.token))
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  const liveRequest = request ? live?.view.friendRequests[request.token] : undefined
  const status = liveRequest?.status ?? request?.status ?? null
  return {
    request,
    status,
    endReason: liveRequest?.endReason ?? request?.endReason ?? null,
    loaded,
    busy,
    error,
    create,
    cancel,
    /** Start again (a new request) after a cancelled or expired one. */
    reset: () => setRequest(null),
  }
}
