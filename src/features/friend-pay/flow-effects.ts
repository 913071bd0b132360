import type { fetchFriendPayView, payFriendRequest } from '@/lib/api/friend-pay.ts'
import { answering, answerLoad, type Perform } from '@/lib/machine.ts'
import type { FriendPayEffect, FriendPayEvent } from './flow.ts'

/** The calls the friend's page makes (lib/api; fakes in the tests). */
export interface FriendPayApi {
  fetchFriendPayView: typeof fetchFriendPayView
  payFriendRequest: typeof payFriendRequest
}

/** Does what the friend's page's flow asks for, and answers with events. */
export function performFriendPay(
  token: string,
  api: FriendPayApi,
): Perform<FriendPayEvent, FriendPayEffect> {
  return (effect, send, signal) => {
    const answer = answering(send)
    switch (effect.kind) {
      case 'load':
        return answerLoad(send, effect.round, api.fetchFriendPayView(token, signal))
      case 'pay':
        return answer(
          api.payFriendRequest(effect.token, effect.body),
          () => ({ type: 'PAID' }),
          (error) => ({ type: 'REFUSED', error }),
        )
    }
  }
}
