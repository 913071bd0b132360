import { Hono } from 'hono'
import {
  CreateFriendRequestBodySchema,
  FriendRequestQuerySchema,
  PayFriendRequestBodySchema,
} from '../../contract/friend-pay.ts'
import { openFriendRequest } from '../domain/cashier.ts'
import { SOURCES } from '../domain/gateway/channels.ts'
import {
  cancelFriendRequest,
  friendPayView,
  listFriendRequests,
  payFriendRequest,
} from '../domain/gateway/friend-pay.ts'
import type { AppDeps, AppEnv } from './env.ts'
import { chargeAndAnswer } from './charge.ts'
import { friendRequestEvents } from './live.ts'
import { fail, fingerprint, freshId, idempotencyKey, jsonBody, queryOf } from './respond.ts'
import { friendRequestView } from './views.ts'

/**
 * Pay-for-me requests: /api/pay/friend-requests. The token is the link's secret, so reading and paying
 * need only the token (any persona: the friend); listing and cancelling are the requester's.
 */
export function friendPayRoutes(deps: AppDeps) {
  const { store, ids } = deps
  return new Hono<AppEnv>()
    .post('/', idempotencyKey, jsonBody(CreateFriendRequestBodySchema), (c) => {
      const body = c.req.valid('json')
      const token = freshId(ids.token, (t) => store.state.gateway.friendRequests.has(t))
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
    })
    .get('/', queryOf(FriendRequestQuerySchema), (c) => {
      const mine = listFriendRequests(
        store.state.gateway,
        c.req.valid('query').orderId,
        c.get('who').persona,
      )
      return c.json({ requests: mine.map(friendRequestView) })
    })
    .get('/:token/events', friendRequestEvents(deps))
    .get('/:token', (c) => {
      const view = friendPayView(store.state.gateway, c.req.param('token'))
      return view.ok ? c.json(view.value) : fail(c, view.error)
    })
    .post('/:token/pay', jsonBody(PayFriendRequestBodySchema), (c) => {
      const token = c.req.param('token')
      const { persona } = c.get('who')
      const { password, source } = c.req.valid('json')
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
    })
    .post('/:token/cancel', (c) => {
      const { persona } = c.get('who')
      const result = store.run((s, now) =>
        cancelFriendRequest(s.gateway, c.req.param('token'), persona, now),
      )
      return result.ok ? c.json(friendRequestView(result.value.request)) : fail(c, result.error)
    })
}
