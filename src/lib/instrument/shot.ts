/**
 * One capture of the phone's screen for a study's heatmaps (lib/instrument/recorder.ts asks for it once per
 * screen): the screen's whole scroll height at one pixel per CSS pixel, so a tap's `x`/`y` (tap-point.ts)
 * land on it as they are; with a dialog open, the viewport with the dialog drawn over it (what the finger
 * saw). modern-screenshot loads on the first capture only: the lab's phones that are not asked never load it.
 */

/** The JPEG qualities tried, best first, until the image fits the study's limit. */
export const QUALITIES = [0.85, 0.7, 0.55, 0.4] as const

/** The first encoding of `encode` that fits in `maxBytes`, or null when none does. */
export async function encodeWithin(
  encode: (quality: number) => Promise<Blob | null>,
  maxBytes: number,
): Promise<Blob | null> {
  for (const quality of QUALITIES) {
    const blob = await encode(quality)
    if (blob && blob.size > 0 && blob.size <= maxBytes) return blob
  }
  return null
}

/**
 * Resolves once the page has had no DOM change for `quietMs` (the screen has settled: data loaded, images
 * in), or after `maxMs` whatever happens.
 */
export function whenSettled(quietMs = 500, maxMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    let quiet: ReturnType<typeof setTimeout> | undefined
    const done = () => {
      observer.disconnect()
      clearTimeout(quiet)
      clearTimeout(cap)
      resolve()
    }
    const observer = new MutationObserver(() => {
      clearTimeout(quiet)
      quiet = setTimeout(done, quietMs)
    })
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      characterData: true,
    })
    quiet = setTimeout(done, quietMs)
    const cap = setTimeout(done, maxMs)
  })
}

/** The simulator's own chrome (system bar, switcher) is no part of the app's screen. */
const isChrome = (node: Node) => node instanceof Element && node.classList.contains('phone-chrome')

/** The screen (`#phone-screen`, else the page) as a JPEG of at most `maxBytes`, or null. */
export async function captureShot(maxBytes: number): Promise<Blob | null> {
  const { domToCanvas } = await import('modern-screenshot')
  const screen = document.getElementById('phone-screen') ?? document.body
  const dialogs = [...screen.querySelectorAll<HTMLDialogElement>('dialog[open]')]
  const width = screen.clientWidth
  const common = { scale: 1, backgroundColor: '#ffffff', font: false as const }
  let canvas: HTMLCanvasElement
  if (dialogs.length === 0) {
    const height = Math.max(screen.scrollHeight, screen.clientHeight)
    canvas = await domToCanvas(screen, {
      ...common,
      width,
      height,
      style: {
        position: 'static',
        inset: 'auto',
        height: `${height}px`,
        maxHeight: 'none',
        overflow: 'visible',
      },
      filter: (node) => !isChrome(node) && !(node instanceof HTMLDialogElement),
    })
  } else {
    const box = screen.getBoundingClientRect()
    canvas = await domToCanvas(screen, {
      ...common,
      width,
      height: screen.clientHeight,
      features: { restoreScrollPosition: true },
      filter: (node) => !isChrome(node) && !(node instanceof HTMLDialogElement),
    })
    const ctx = canvas.getContext('2d')
    for (const dialog of ctx ? dialogs : []) {
      const rect = dialog.getBoundingClientRect()
      const layer = await domToCanvas(dialog, {
        scale: 1,
        font: false,
        width: rect.width,
        height: rect.height,
        style: { position: 'static', inset: 'auto', margin: '0', transform: 'none' },
        features: { restoreScrollPosition: true },
        filter: (node) => node === dialog || !isChrome(node),
      })
      ctx?.drawImage(layer, rect.left - box.left, rect.top - box.top, rect.width, rect.height)
    }
  }
  return encodeWithin(
    (quality) => new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality)),
    maxBytes,
  )
}
