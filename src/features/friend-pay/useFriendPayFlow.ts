import { useEffect } from 'react'
import {
  fetchFriendPayView,
  friendRequestEventsUrl,
  payFriendRequest,
} from '@/lib/api/friend-pay.ts'
import { runMachine } from '@/lib/machine.ts'
import { useSettings } from '@/lib/settings.ts'
import { useMachine } from '@/lib/useMachine.ts'
import { performFriendPay, type FriendPayApi } from './flow-effects.ts'
import { friendPayStep, initialFriendPay, type FriendPayIntent, type FriendWallet } from './flow.ts'
import { clockOfFrame, learnPushedClock } from '@/lib/clock.ts'

const API: FriendPayApi = { fetchFriendPayView, payFriendRequest }

/**
 * The one hook that owns the friend's page's effects: its calls, and the request's event stream (every
 * event, the first snapshot too, asks for the view again: a change may come between the fetch and the
 * connect). A bad token has no stream: its 404 stays.
 */
export function useFriendPayFlow(token: string, wallet: FriendWallet) {
  const persona = useSettings((s) => s.persona)
  const era = useSettings((s) => s.era)
  const [state, send] = useMachine(() =>
    runMachine({
      initial: initialFriendPay(token, wallet),
      step: friendPayStep,
      perform: performFriendPay(token, API),
    }),
  )
  const found = state.view !== null
  useEffect(() => {
    if (!found || typeof EventSource === 'undefined') return undefined
    const source = new EventSource(friendRequestEventsUrl(token, { persona, era }))
    source.onmessage = () => send({ type: 'RELOAD' })
    // The test clock moved: the link's countdown follows at once.
    source.addEventListener('clock', (frame) => {
      const now = clockOfFrame(frame.data as string)
      if (now) learnPushedClock(now)
    })
    return () => source.close()
  }, [found, token, persona, era, send])
  const sendIntent: (intent: FriendPayIntent) => void = send
  return { state, send: sendIntent }
}
