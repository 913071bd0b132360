import { useEffect, useState, useSyncExternalStore } from 'react'
import type { Machine } from './machine.ts'

/**
 * A machine (lib/machine.ts) for the life of the component: made once, started on mount, stopped on
 * unmount (what is in flight is aborted, every timer dropped). Answers its state and `send`.
 */
export function useMachine<S, E>(create: () => Machine<S, E>): [S, (event: E) => void] {
  const [machine] = useState(create)
  useEffect(() => {
    machine.start()
    return () => machine.stop()
  }, [machine])
  const state = useSyncExternalStore(machine.subscribe, machine.getState)
  return [state, machine.send]
}
