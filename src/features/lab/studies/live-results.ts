import { useCallback, useEffect, useRef, useState } from 'react'
import type { StudyResults } from '@/contract/study.ts'
import { isApiError } from '@/lib/api/client.ts'
import { fetchResults } from './study-api.ts'

export const REFRESH_MS = 3000

export type LiveResults =
  | { state: 'loading' }
  | { state: 'keyRequired' }
  | { state: 'notFound' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; results: StudyResults; updatedAt: number; problem: string | null }

/**
 * A study's results, read again every 3 s while the tab is visible (at once when it shows again). An
 * answer equal to the last keeps the same object, so nothing redraws; a failed refresh keeps what is
 * shown and says so. A 403 or 404 stops the refreshing: no later answer will differ.
 */
export function useLiveResults(
  studyId: string,
  key: string,
): {
  live: LiveResults
  refresh: () => void
} {
  const [live, setLive] = useState<LiveResults>({ state: 'loading' })
  const last = useRef<{ text: string; results: StudyResults } | null>(null)
  const [tick, setTick] = useState(0)
  const refresh = useCallback(() => setTick((n) => n + 1), [])

  useEffect(() => {
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    let inFlight = false
    const schedule = () => {
      clearTimeout(timer)
      if (!stopped && document.visibilityState === 'visible') timer = setTimeout(load, REFRESH_MS)
    }
    async function load() {
      if (inFlight) return
      inFlight = true
      try {
        const results = await fetchResults(studyId, key, controller.signal)
        const text = JSON.stringify(results)
        const same = last.current?.text === text
        if (!same) last.current = { text, results }
        const kept = last.current?.results ?? results
        setLive((current) =>
          same && current.state === 'ready' && current.problem === null
            ? { ...current, updatedAt: Date.now() }
            : { state: 'ready', results: kept, updatedAt: Date.now(), problem: null },
        )
      } catch (error) {
        if (controller.signal.aborted) return
        if (isApiError(error) && error.code === 'STUDY_KEY_REQUIRED') {
          stopped = true
          setLive({ state: 'keyRequired' })
        } else if (isApiError(error) && error.code === 'STUDY_NOT_FOUND') {
          stopped = true
          setLive({ state: 'notFound' })
        } else {
          const message = error instanceof Error ? error.message : String(error)
          setLive((current) =>
            current.state === 'ready'
              ? { ...current, problem: message }
              : { state: 'failed', message },
          )
        }
      } finally {
        inFlight = false
      }
      schedule()
    }
    const onVisibility = () => {
      if (document.visibilityState === 'visible' && !stopped) {
        clearTimeout(timer)
        void load()
      } else clearTimeout(timer)
    }
    void load()
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      stopped = true
      controller.abort()
      clearTimeout(timer)
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [studyId, key, tick])

  return { live, refresh }
}
