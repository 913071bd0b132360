import { domToCanvas } from 'modern-screenshot'
import { addPhoto } from '@/lib/album/album.ts'

/** The pixel ratio of screenshots: a 390×844 screen becomes 780×1688, as a 2× phone saves it. */
const SCALE = 2

export interface Capture {
  blob: Blob
  width: number
  height: number
}

/** modern-screenshot paces its draws for Safari's and Firefox's image decoding; Chromium needs no pause. */
const DRAW_INTERVAL_MS = /Chrome\//.test(navigator.userAgent) ? 0 : 100

const isSimulatorChrome = (node: Node) =>
  node instanceof Element && (node.classList.contains('phone-chrome') || node.tagName === 'DIALOG')

/**
 * The phone screen's real pixels: the app's screen (scrolled as it is), then every sheet open over it
 * (modal dialogs live in the browser's top layer, so each is drawn on top in the order they opened), as a
 * PNG. The simulator's own chrome (system bar, switcher) is left out.
 */
export async function captureScreen(): Promise<Capture> {
  const screen = document.getElementById('phone-screen')
  if (!screen) throw new Error('no phone screen')
  const box = screen.getBoundingClientRect()
  const canvas = await domToCanvas(screen, {
    scale: SCALE,
    backgroundColor: '#ffffff',
    font: false,
    drawImageInterval: DRAW_INTERVAL_MS,
    features: { restoreScrollPosition: true },
    filter: (node) => !isSimulatorChrome(node),
  })
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d context')
  const dialogs = [...screen.querySelectorAll<HTMLDialogElement>('dialog[open]')]
  for (const dialog of dialogs) {
    const rect = dialog.getBoundingClientRect()
    const layer = await domToCanvas(dialog, {
      scale: SCALE,
      font: false,
      drawImageInterval: DRAW_INTERVAL_MS,
      width: rect.width,
      height: rect.height,
      style: { position: 'static', inset: 'auto', margin: '0', transform: 'none' },
      features: { restoreScrollPosition: true },
      filter: (node) => node === dialog || !isSimulatorChrome(node),
    })
    ctx.drawImage(
      layer,
      (rect.left - box.left) * SCALE,
      (rect.top - box.top) * SCALE,
      rect.width * SCALE,
      rect.height * SCALE,
    )
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!blob) throw new Error('the screenshot could not be encoded')
  return { blob, width: canvas.width, height: canvas.height }
}

/** The phone's screenshot button: the screen as it is, into the phone's album. Answers the image. */
export async function screenshotToAlbum(): Promise<Blob> {
  const capture = await captureScreen()
  await addPhoto(capture.blob, {
    origin: 'screenshot',
    width: capture.width,
    height: capture.height,
  })
  return capture.blob
}
