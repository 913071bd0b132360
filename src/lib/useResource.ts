import { startTransition, useCallback, useEffect, useRef, useState } from 'react'

interface Answer<T> {
  /** The resource key the answer belongs to. */
  key: string
  /** The key plus the reload round: which request answered. */
  request: string
  data: T | undefined
  error: unknown
}

export interface Resource<T> {
  data: T | undefined
  error: unknown
  /** True until the answer for the current key (and the current reload) has come. */
  loading: boolean
  reload: () => void
}

/**
 * Loads `load()` for `key`; a new key loads again and drops the old answer, `reload` asks again and keeps
 * the data on screen meanwhile.
 */
export function useResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
  /** The answer for `key` already at hand (the page's HTML carried it): shown at once, not asked for. */
  initial?: T,
): Resource<T> {
  const loadRef = useRef(load)
  useEffect(() => {
    loadRef.current = load
  })
  const [round, setRound] = useState(0)
  const request = `${key}#${round}`
  const [answer, setAnswer] = useState<Answer<T>>(() => ({
    key: initial === undefined ? '' : key,
    request: initial === undefined ? '' : request,
    data: initial,
    error: undefined,
  }))
  const given = useRef(answer.request)

  useEffect(() => {
    // The first request was answered before it was made (`initial`): nothing to ask.
    if (given.current === request) return
    given.current = ''
    const controller = new AbortController()
    loadRef.current(controller.signal).then(
      // In a transition: a page drawn from the answer (the order page's shops) yields to the phone's
      // taps as it renders, rather than hold the main thread in one long task.
      (data) => startTransition(() => setAnswer({ key, request, data, error: undefined })),
      (error: unknown) => {
        if (controller.signal.aborted) return
        setAnswer((prev) => ({
          key,
          request,
          data: prev.key === key ? prev.data : undefined,
          error,
        }))
      },
    )
    return () => controller.abort()
  }, [key, request])

  const reload = useCallback(() => setRound((r) => r + 1), [])
  return {
    data: answer.key === key ? answer.data : undefined,
    error: answer.request === request ? answer.error : undefined,
    loading: answer.request !== request,
    reload,
  }
}

/** Calls `reload` whenever `signal` changes after the first render (e.g. when a sheet over the page closes). */
export function useReloadOn(signal: string, reload: () => void): void {
  const seen = useRef(signal)
  useEffect(() => {
    if (seen.current === signal) return
    seen.current = signal
    reload()
  }, [signal, reload])
}
