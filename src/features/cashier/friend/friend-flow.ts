import type { FriendRequestStatus } from '@/contract/friend-pay.ts'
import { wechatSharePath } from '@/contract/paths.ts'
import { stay } from '@/lib/machine.ts'
import type { CashierEvent, CashierNext, CashierState, FriendState } from '../flow-state.ts'
import { andThen, ask, paid, TIMING, withResume } from '../flow-moves.ts'

/** 找朋友帮忙付's part of the cashier's flow: find the open request, share one, cancel it, copy the link. */

export const EMPTY_FRIEND: FriendState = {
  loaded: false,
  request: null,
  busy: false,
  error: null,
  key: null,
  copied: 'idle',
  settling: false,
}

/** The request's status as it stands: live from the order's stream, else as last answered. */
export function friendStatus(state: CashierState, friend: FriendState): FriendRequestStatus | null {
  const request = friend.request
  if (!request) return null
  return state.live?.friendRequests[request.token]?.status ?? request.status
}

function withFriend(state: CashierState, patch: Partial<FriendState>): CashierState {
  if (state.view.kind !== 'friend') return state
  return { ...state, view: { kind: 'friend', friend: { ...state.view.friend, ...patch } } }
}

/**
 * A share sheet waiting for the friend (an open request) comes back after a reload or a trip to WeChat;
 * one whose request ended does not. Called after every step while the sheet is up.
 */
export function rememberFriend(next: CashierNext): CashierNext {
  const { state } = next
  if (state.view.kind !== 'friend' || !state.view.friend.request) return next
  const waiting = friendStatus(state, state.view.friend) === 'OPEN'
  return waiting === state.resume.friend
    ? next
    : andThen(next, (s) => withResume(s, { friend: waiting }))
}

/**
 * Once the friend has paid (or the order is paid another way), the sheet says so at once and the result
 * page follows after a moment, as the scan code does: the shopper sees paid the moment the live stream
 * says so, not after the result page's own check. Called after every step while the sheet is up.
 */
export function settleFriend(next: CashierNext): CashierNext {
  const { state } = next
  if (state.view.kind !== 'friend' || state.view.friend.settling) return next
  const ours = friendStatus(state, state.view.friend) === 'PAID'
  if (!ours && state.live?.order.status !== 'PAID') return next
  return {
    ...next,
    state: withFriend(state, { settling: true }),
    timers: [
      ...(next.timers ?? []),
      { key: 'friend', ms: TIMING.friendPaid, event: { type: 'FRIEND_DONE' } },
    ],
  }
}

export function friendStep(state: CashierState, event: CashierEvent): CashierNext {
  if (state.view.kind !== 'friend') return stay(state)
  const friend = state.view.friend
  switch (event.type) {
    case 'REQUESTS_FETCHED': {
      const open = event.requests.find((r) => r.status === 'OPEN') ?? null
      return stay(withFriend(state, { loaded: true, request: friend.request ?? open }))
    }
    case 'SHARE': {
      if (friend.busy) return stay(state)
      // A lost answer is asked again with the same key; a created request frees it for the next one.
      const key = friend.key ?? event.key
      return ask(withFriend(state, { busy: true, error: null, key }), {
        kind: 'share',
        message: event.message,
        via: event.via,
        key,
      })
    }
    case 'SHARED':
      return stay(
        withFriend(state, { request: event.request, busy: false, key: null, copied: 'idle' }),
      )
    case 'SHARE_FAILED':
    case 'CANCEL_FAILED':
      return stay(withFriend(state, { busy: false, error: event.error }))
    case 'CANCEL_REQUEST':
      if (!friend.request || friend.busy) return stay(state)
      return ask(withFriend(state, { busy: true }), {
        kind: 'cancelRequest',
        token: friend.request.token,
      })
    case 'REQUEST_CANCELLED':
      return stay(withFriend(state, { request: event.request, busy: false }))
    case 'ASK_AGAIN':
      return stay(withFriend(state, { request: null, error: null, copied: 'idle' }))
    case 'FRIEND_DONE':
      return paid(state)
    case 'COPY':
      return ask(state, { kind: 'copy', text: event.text })
    case 'COPIED':
      return stay(withFriend(state, { copied: event.ok ? 'done' : 'manual' }))
    case 'TO_WECHAT':
      return ask(state, { kind: 'navigate', path: wechatSharePath(event.text) })
    default:
      return stay(state)
  }
}
