import { useToast } from '../toast.ts'
import { isLabShotsRequest } from './events.ts'
import type { LabApp, LabEvent, LabMessage, LabShotMessage } from './events.ts'
import { screenKey } from './screen-key.ts'
import { captureShot, whenSettled } from './shot.ts'
import { inBounds, tapPoint } from './tap-point.ts'

/** Password keypads: a digit tapped there is a keystroke, not a tap. */
const KEYPADS = '[data-testid="pin-pad"], [data-testid="wechat-pin-pad"]'
const TAPPABLE =
  'button, a, input, select, textarea, label, [role="button"], [role="menuitem"], [role="radio"], [role="tab"], [role="option"]'
const NAME_LENGTH = 40
/**
 * What a finger may mean to tap: the controls above, and what says so itself (a focusable element, a
 * link or switch role, a pointer cursor). A tap on anything else is a misclick.
 */
const HIT = `${TAPPABLE}, summary, [role="link"], [role="checkbox"], [role="switch"], [role="menuitemradio"], [role="slider"], [tabindex]:not([tabindex="-1"])`

/** The element the screen scrolls in: the phone's screen, else the page. */
function scroller(): Element | null {
  return document.getElementById('phone-screen') ?? document.scrollingElement
}

/** Something between `element` and the screen is fixed or sticky: it does not move with the scroll. */
function isPinned(element: Element, screen: Element | null): boolean {
  for (let el: Element | null = element; el && el !== screen; el = el.parentElement) {
    const position = getComputedStyle(el).position
    if (position === 'fixed' || position === 'sticky') return true
  }
  return false
}

/** Whether the finger met something tappable (false: a misclick). */
export function isHit(target: Element): boolean {
  if (target.closest(HIT)) return true
  return getComputedStyle(target).cursor === 'pointer'
}

/** The tap's place on the screen (tap-point.ts), or nothing for a click the keyboard made. */
function placeOf(e: MouseEvent, target: Element): { x: number; y: number } | null {
  if (e.detail === 0 && e.clientX === 0 && e.clientY === 0) return null
  const screen = scroller()
  const box =
    screen && screen !== document.scrollingElement
      ? screen.getBoundingClientRect()
      : { left: 0, top: 0 }
  const point = tapPoint({
    clientX: e.clientX,
    clientY: e.clientY,
    left: box.left,
    top: box.top,
    scrollLeft: screen?.scrollLeft ?? 0,
    scrollTop: screen?.scrollTop ?? 0,
    pinned: isPinned(target, screen),
  })
  return inBounds(point) ? point : null
}

/** What a tap or key landed on: its test id, else its accessible name, else its nearest test id. */
export function describeTarget(element: Element): string {
  const own = element.getAttribute('data-testid')
  if (own) return own
  const label = element.getAttribute('aria-label')?.trim()
  if (label) return label.slice(0, NAME_LENGTH)
  const text = element.textContent?.replace(/\s+/g, ' ').trim()
  if (text) return text.slice(0, NAME_LENGTH)
  return (
    element.closest('[data-testid]')?.getAttribute('data-testid') ?? element.tagName.toLowerCase()
  )
}

/** The gateway's path without its query (ids in the path are kept: they say which call it was). */
function apiPath(input: RequestInfo | URL): string | null {
  const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
  const url = new URL(raw, window.location.href)
  if (url.origin !== window.location.origin || !url.pathname.startsWith('/api/')) return null
  return url.pathname.startsWith('/api/__test/') ? null : url.pathname
}

async function errorCode(res: Response): Promise<{ code: string; message: string }> {
  try {
    const body = (await res.clone().json()) as { code?: unknown; message?: unknown }
    return {
      code: typeof body.code === 'string' ? body.code : `HTTP_${res.status}`,
      message: typeof body.message === 'string' ? body.message : res.statusText,
    }
  } catch {
    return { code: `HTTP_${res.status}`, message: res.statusText }
  }
}

/** What draws the screen: shot.ts's capture (a study's phone), a stand-in where no canvas draws. */
export type Capture = (maxBytes: number) => Promise<Blob | null>

export interface Recorder {
  /** The router's location changed: a new screen, and maybe the other app. */
  screen: (pathname: string, search: string, app: LabApp) => void
}

/**
 * Records what happens on this phone for the lab run `runId` and posts each event to the lab (the parent
 * page). Installed once at start-up, only inside the lab: taps and keys through capture-phase listeners on
 * the document (the screens know nothing of it), gateway calls through `fetch`, alerts and toasts as
 * errors; screens and app switches come from the router through `screen`.
 */
export function installRecorder(runId: string, capture: Capture = captureShot): Recorder {
  const post = (event: LabEvent) => {
    const message: LabMessage = { type: 'tbsim-lab', runId, phone: window.name, event }
    window.parent.postMessage(message, window.location.origin)
  }
  let lastScreen: string | null = null
  let lastApp: LabApp | null = null
  let tappedSwitcher = false
  // A tap on a <label> clicks its control again: one finger, one tap.
  let labelled: Element | null = null

  document.addEventListener(
    'click',
    (e) => {
      if (!(e.target instanceof Element)) return
      const element = e.target.closest(TAPPABLE) ?? e.target
      if (labelled && element === labelled) {
        labelled = null
        return
      }
      labelled = element instanceof HTMLLabelElement ? element.control : null
      tappedSwitcher = element.closest('[data-testid="app-switcher"]') !== null
      const at = Date.now()
      const target = describeTarget(element)
      if (element.closest(KEYPADS) && element.matches('button')) {
        post({ kind: 'key', at, target })
        return
      }
      const place = placeOf(e, e.target)
      post({
        kind: 'tap',
        at,
        target,
        ...(lastScreen === null ? {} : { screen: lastScreen }),
        ...(place ?? {}),
        hit: isHit(e.target),
      })
    },
    true,
  )

  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key.length !== 1 && e.key !== 'Backspace') return
      const target = document.activeElement ?? document.body
      post({ kind: 'key', at: Date.now(), target: describeTarget(target) })
    },
    true,
  )

  const fetchOriginal = window.fetch.bind(window)
  window.fetch = async (input, init) => {
    const path = apiPath(input)
    if (!path) return fetchOriginal(input, init)
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
    const sent = Date.now()
    try {
      const res = await fetchOriginal(input, init)
      const at = Date.now()
      post({ kind: 'request', at: sent, ms: at - sent, method, path, status: res.status })
      if (!res.ok) post({ kind: 'error', at, source: 'api', ...(await errorCode(res)) })
      return res
    } catch (cause) {
      const at = Date.now()
      post({ kind: 'request', at: sent, ms: at - sent, method, path, status: 0 })
      if (!(cause instanceof DOMException && cause.name === 'AbortError')) {
        post({ kind: 'error', at, source: 'api', code: 'NETWORK_ERROR', message: String(cause) })
      }
      throw cause
    }
  }

  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue
        const alerts = node.matches('[role="alert"]')
          ? [node]
          : node.querySelectorAll('[role="alert"]')
        for (const alert of alerts) {
          const message = alert.textContent?.trim() ?? ''
          post({ kind: 'error', at: Date.now(), source: 'alert', code: 'ALERT', message })
        }
      }
    }
  }).observe(document.body, { childList: true, subtree: true })

  useToast.subscribe((state, previous) => {
    if (state.message && state.serial !== previous.serial) {
      post({
        kind: 'error',
        at: Date.now(),
        source: 'alert',
        code: 'TOAST',
        message: state.message,
      })
    }
  })

  // One capture per screen, once the parent asks for them (a study, not the plain lab): see shot.ts.
  let shotsMaxBytes = 0
  const shot = new Set<string>()
  let capturing = false
  const captureCurrent = async () => {
    if (capturing || shotsMaxBytes === 0) return
    capturing = true
    try {
      // A screen that goes by before it settles is captured when it comes back.
      for (let key = lastScreen; key !== null && !shot.has(key); key = lastScreen) {
        await whenSettled()
        if (key !== lastScreen) continue
        const blob = await capture(shotsMaxBytes).catch(() => null)
        // The screen changed while it was drawn: the picture may show the next one under this one's
        // name. It is dropped, and this screen is captured when it comes back.
        if (key !== lastScreen) continue
        shot.add(key)
        if (!blob) continue
        const message: LabShotMessage = {
          type: 'tbsim-lab-shot',
          runId,
          phone: window.name,
          screen: key,
          blob,
        }
        window.parent.postMessage(message, window.location.origin)
      }
    } finally {
      capturing = false
    }
  }
  window.addEventListener('message', (e) => {
    if (e.source !== window.parent || e.origin !== window.location.origin) return
    if (!isLabShotsRequest(e.data) || e.data.runId !== runId) return
    shotsMaxBytes = e.data.maxBytes
    void captureCurrent()
  })

  return {
    screen(pathname, search, app) {
      const key = screenKey(pathname, search)
      if (key === lastScreen) return
      lastScreen = key
      const at = Date.now()
      if (lastApp && lastApp !== app) {
        post({ kind: 'app', at, from: lastApp, to: app, via: tappedSwitcher ? 'switcher' : 'link' })
      }
      lastApp = app
      tappedSwitcher = false
      post({ kind: 'screen', at, screen: key, app })
      void captureCurrent()
    },
  }
}
