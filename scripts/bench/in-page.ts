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

/**
 * Another phone's payment, sent from this page with that phone's persona: from the moment the server's
 * answer to the last call arrives to the first frame after `shownSelector` is in the DOM. Negative when
 * the page had drawn it before the answer was read (the live stream beat the response).
 */
export async function payAndTimeShown(args: {
  calls: PayerCall[]
  shownSelector: string
  timeoutMs: number
}): Promise<{ ms: number; status: number }> {
  let shownAt = Number.NaN
  const shown = new Promise<void>((resolve, reject) => {
    setTimeout(
      () => reject(new Error(`${args.shownSelector} not shown within ${args.timeoutMs} ms`)),
      args.timeoutMs,
    )
    // After the frame that draws it: a rAF, then a task (the paint runs between the two).
    const mark = () =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => {
          shownAt = performance.now()
          resolve()
        }
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
  let status = 0
  let answeredAt = 0
  for (const call of args.calls) {
    const res = await fetch(call.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sim-persona': call.persona },
      body: JSON.stringify(call.body),
    })
    answeredAt = performance.now()
    status = res.status
    if (!res.ok) return { ms: Number.NaN, status }
  }
  await shown
  return { ms: shownAt - answeredAt, status }
}
