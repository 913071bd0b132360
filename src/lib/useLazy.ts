import { useEffect, useState } from 'react'

/** Runs `work` once the page has nothing better to do (or after a moment, where idle callbacks are missing). */
export function whenIdle(work: () => void): void {
  const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 1500))
  idle(work)
}

/**
 * Code a screen needs only after a tap (a picker, a dialog): it loads when the page is idle, or at the
 * tap, instead of weighing on the first screen's JavaScript. Answers the loaded value (null until then)
 * and `load`, to call at the tap. Unlike React.lazy, a value already loaded renders at once, without a
 * Suspense fallback held on screen. `importer` must be a module-level function (it is called as given).
 */
export function useLazy<T>(importer: () => Promise<T>): [T | null, () => void] {
  const [loaded, setLoaded] = useState<{ value: T } | null>(null)
  const [load] = useState(
    () => () =>
      void importer().then(
        (value) => setLoaded({ value }),
        () => undefined,
      ),
  )
  useEffect(() => whenIdle(load), [load])
  return [loaded?.value ?? null, load]
}
