/**
 * Timers that run inside the page, on the page's own clock (`performance.now()`): Playwright's round
 * trips stay out of the figures. Each is passed to `page.evaluate` and so must not close over anything.
 */

/** The slot on `window` through which an armed timer hands back its result. */
interface BenchWindow {
  __benchTiming?: Promise<number>
}

/**
 * Arms a timer: from the next click on `clickSelector` (the event's own timestamp) to the first frame
 * after `shownSelector` is in the DOM and visible. Read it with `readTiming`.
 */
export function armClickToShown(args: {
  clickSelector: string
  shownSelector: string
  timeoutMs: number
}): void {
  const w = window as unknown as BenchWindow
  w.__benchTiming = new Promise<number>((resolve, reject) => {
    setTimeout(
      () => reject(new Error(`${args.shownSelector} not shown ${args.timeoutMs} ms after arming`)),
      args.timeoutMs,
    )
    document.addEventListener(
      'click',
      (event) => {
        if (!(event.target instanceof Element) || !event.target.closest(args.clickSelector)) return
        const clickedAt = event.timeStamp
        const shown = () => {
          const el = document.querySelector(args.shownSelector)
          return (
            el !== null &&
            el.getBoundingClientRect().width > 0 &&
            el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
          )
        }
        // After the frame that draws it: a rAF, then a task (the paint runs between the two).
        const done = () =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel()
            channel.port1.onmessage = () => resolve(performance.now() - clickedAt)
            channel.port2.postMessage(null)
          })
        if (shown()) return done()
        const observer = new MutationObserver(() => {
          if (!shown()) return
          observer.disconnect()
          done()
        })
        observer.observe(document.documentElement, {
          subtree: true,
          childList: true,
          attributes: true,
        })
      },
      { capture: true },
    )
  })
}

/** The page has nothing left to do (its idle callback runs), as when a person gets to the next tap. */
export function idle(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: timeoutMs }))
}

export function readTiming(): Promise<number> {
  const w = window as unknown as BenchWindow
  if (!w.__benchTiming) throw new Error('no timer armed')
  return w.__benchTiming
}

/** A POST another phone makes. */
export interface PayerCall {
  path: string
  persona: string
  body: unknown
}

/** This page's clock as wall-clock milliseconds: comparable between two browser contexts on one machine. */
interface ShownWindow {
  __benchShownAt?: Promise<number>
}

/**
 * Arms a watch on the shopper's page: resolves (read with `readShownAt`) with the wall-clock time of
 * the first frame after `shownSelector` is in the DOM.
 */
export function armShown(args: { shownSelector: string; timeoutMs: number }): void {
  const w = window as unknown as ShownWindow
  w.__benchShownAt = new Promise<number>((resolve, reject) => {
    setTimeout(
      () => reject(new Error(`${args.shownSelector} not shown within ${args.timeoutMs} ms`)),
      args.timeoutMs,
    )
    // After the frame that draws it: a rAF, then a task (the paint runs between the two).
    const mark = () =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve(performance.timeOrigin + performance.now())
        channel.port2.postMessage(null)
      })
    if (document.querySelector(args.shownSelector)) return mark()
    const observer = new MutationObserver(() => {
      if (!document.querySelector(args.shownSelector)) return
      observer.disconnect()
      mark()
    })
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true })
  })
}

export function readShownAt(): Promise<number> {
  const w = window as unknown as ShownWindow
  if (!w.__benchShownAt) throw new Error('no watch armed')
  return w.__benchShownAt
}

/**
 * The payer's calls, made from the payer's own page (its own browser context and persona): answers
 * the wall-clock time the server's answer to the last call arrived, or the failing status.
 */
export async function payerCalls(
  calls: PayerCall[],
): Promise<{ answeredAt: number; status: number }> {
  let status = 0
  let answeredAt = Number.NaN
  for (const call of calls) {
    const res = await fetch(call.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sim-persona': call.persona },
      body: JSON.stringify(call.body),
    })
    answeredAt = performance.timeOrigin + performance.now()
    status = res.status
    if (!res.ok) return { answeredAt: Number.NaN, status }
  }
  return { answeredAt, status }
}
