import { useCallback } from 'react'
import { useSearchParams } from 'react-router'
import type { SimParam } from '@/contract/paths.ts'
import { useSettings, type Settings } from '@/lib/settings.ts'

/** The settings a URL can name (`?persona= &era= &lang=`, BRIEF §3): simulator parameters of paths.ts. */
const URL_NAMED = ['persona', 'era', 'lang'] as const satisfies readonly (keyof Settings &
  SimParam)[]

/**
 * Changes the simulator's settings for this phone. A setting the panel changes is dropped from the URL too:
 * the shell applies the URL's on every navigation, and would otherwise put the old value back.
 *
 * Persona, era and app version change what the server answers: the shell remounts the current screen
 * under `serverContextKey`, so its data is asked for again at once (no page reload, the panel stays open).
 * The language needs no new data: every string follows the store.
 */
export function useChangeSettings(): (patch: Partial<Settings>) => void {
  const [params, setParams] = useSearchParams()
  const update = useSettings((s) => s.update)
  return useCallback(
    (patch) => {
      update(patch)
      const stale = URL_NAMED.filter((key) => key in patch && params.has(key))
      if (stale.length === 0) return
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev)
          for (const key of stale) next.delete(key)
          return next
        },
        { replace: true },
      )
    },
    [params, setParams, update],
  )
}
