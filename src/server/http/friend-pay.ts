import { checkoutIdOf } from '../domain/merchant/checkouts.ts'
import { openFriendRequest } from '../domain/cashier.ts'
import { SOURCES } from '../domain/gateway/channels.ts'
import {
  cancelFriendRequest,
  friendPayView,
  listFriendRequests,
  payFriendRequest,
} from '../domain/gateway/friend-pay.ts'
import { chargeAndAnswer } from './charge.ts'
import type { AppDeps } from './env.ts'
import { friendRequestEvents } from './live.ts'
import { fail, fingerprint, freshId } from './respond.ts'
import type { RouteHandlers } from './route-table.ts'
import { friendRequestView } from './views.ts'
import { worldToken } from '../worlds/world-ids.ts'

type FriendPayRoute =
  | 'createFriendRequest'
  | 'listFriendRequests'
  | 'friendRequestEvents'
  | 'getFriendRequest'
  | 'payFriendRequest'
  | 'cancelFriendRequest'

/**
 * Pay-for-me requests: /api/pay/friend-requests. The token is the link's secret, so reading and paying
 * need only the token (any persona: the friend); listing and cancelling are the requester's.
 */
export function friendPayHandlers(deps: AppDeps): RouteHandlers<FriendPayRoute> {
  const { ids } = deps
  return {
    createFriendRequest: (c, { body }) => {
      const { store } = c.get('world')
      const token = freshId(
        () => worldToken(c.get('world').id, ids.token()),
        (t) => store.state.gateway.friendRequests.has(t),
      )
      const result = store.run((s, now) =>
        openFriendRequest(
          s,
          {
            persona: c.get('who').persona,
            token,
            idemKey: c.get('idemKey'),
            fingerprint: fingerprint(body),
            orderId: body.orderId,
            message: body.message,
            via: body.via,
          },
          now,
        ),
      )
      if (!result.ok) return fail(c, result.error)
      return c.json(friendRequestView(result.value.request), result.value.replayed ? 200 : 201)
    },
    listFriendRequests: (c, { query }) => {
      const { store } = c.get('world')
      // By the checkout's id or one of its orders': the gateway keeps them by the checkout.
      const tradeId = checkoutIdOf(store.state.merchant, query.orderId) ?? query.orderId
      const mine = listFriendRequests(store.state.gateway, tradeId, c.get('who').persona)
      return c.json({ requests: mine.map(friendRequestView) })
    },
    friendRequestEvents: friendRequestEvents(deps),
    getFriendRequest: (c, { params }) => {
      const { store } = c.get('world')
      const view = friendPayView(store.state.gateway, params.token)
      return view.ok ? c.json(view.value) : fail(c, view.error)
    },
    payFriendRequest: (c, { params: { token }, body: { password, source } }) => {
      const { store } = c.get('world')
      const { persona } = c.get('who')
      if (!store.state.gateway.friendRequests.has(token)) {
        return fail(c, { code: 'NOT_FOUND', message: 'no such request' })
      }
      const now = store.now()
      const paymentId = freshId(
        () => ids.paymentId(now),
        (id) => store.state.gateway.payments.has(id),
      )
      const transactionId = ids.transactionId(SOURCES[source].realm, now)
      return chargeAndAnswer(deps, c, token, persona, (s, at) =>
        payFriendRequest(
          s.gateway,
          { token, persona, password, source, paymentId, transactionId },
          at,
        ),
      )
    },
    cancelFriendRequest: (c, { params }) => {
      const { store } = c.get('world')
      const { persona } = c.get('who')
      const result = store.run((s, now) =>
        cancelFriendRequest(s.gateway, params.token, persona, now),
      )
      return result.ok ? c.json(friendRequestView(result.value.request)) : fail(c, result.error)
    },
  }
}
