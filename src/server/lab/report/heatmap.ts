// One screen's tap heatmap for the report: its screenshot (a data: URL) with the taps drawn over it as
// semi-transparent dots, hits and misclicks in two colours, the whole scaled to HEATMAP_WIDTH pixels.
import type { StudyResults } from '../../../contract/study.ts'
import { esc, num } from './html.ts'
import type { ReportMessages } from './messages.ts'

export type Heatmap = StudyResults['heatmaps'][number]
export interface ScreenImage {
  contentType: string
  bytes: Uint8Array
}

export const HEATMAP_WIDTH = 180
/** The simulated phone's screen (iPhone 14, CSS pixels) when neither the results nor the image say. */
const PHONE = { width: 390, height: 844 }
/** A dot's radius in the screen's own pixels: about a fingertip. */
const DOT_RADIUS = 14
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg'])

/** The pixel size a PNG (IHDR) or a JPEG (its SOFn frame) says it has, or null. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const at = (i: number) => bytes[i] ?? 0
  const u16 = (i: number) => (at(i) << 8) | at(i + 1)
  const u32 = (i: number) =>
    ((at(i) << 24) | (at(i + 1) << 16) | (at(i + 2) << 8) | at(i + 3)) >>> 0
  if (bytes.length >= 24 && at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) {
    const width = u32(16)
    const height = u32(20)
    return width > 0 && height > 0 ? { width, height } : null
  }
  if (at(0) === 0xff && at(1) === 0xd8) {
    let i = 2
    while (i + 9 < bytes.length) {
      if (at(i) !== 0xff) return null
      const marker = at(i + 1)
      if (marker === 0xff) {
        i += 1
        continue
      }
      // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC): height, then width.
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        const height = u16(i + 5)
        const width = u16(i + 7)
        return width > 0 && height > 0 ? { width, height } : null
      }
      if (marker === 0xd9 || marker === 0xda) return null
      i += 2 + u16(i + 2)
    }
  }
  return null
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
}

/** The heatmap's figure, or '' for a screen nobody tapped. */
export function heatmapFigure(
  heatmap: Heatmap,
  image: ScreenImage | undefined,
  index: number,
  t: ReportMessages,
): string {
  if (heatmap.taps.length === 0) return ''
  const usable = image && IMAGE_TYPES.has(image.contentType.toLowerCase()) ? image : undefined
  const natural = usable ? imageSize(usable.bytes) : null
  const width = heatmap.width ?? natural?.width ?? PHONE.width
  const fromImage = natural ? (natural.height * width) / natural.width : null
  const lowest = Math.max(...heatmap.taps.map((tap) => tap.y)) + DOT_RADIUS
  const height = heatmap.height ?? fromImage ?? Math.max(PHONE.height, lowest)
  const shown = (HEATMAP_WIDTH * height) / width
  const misclicks = heatmap.taps.filter((tap) => !tap.hit).length
  const backdrop = usable
    ? `<image href="data:${esc(usable.contentType.toLowerCase())};base64,${base64(usable.bytes)}" x="0" y="0" width="${num(width)}" height="${num(height)}" preserveAspectRatio="xMidYMin meet"/>`
    : `<rect class="h-blank" x="0" y="0" width="${num(width)}" height="${num(height)}"/>` +
      `<text class="h-blank-text" x="${num(width / 2)}" y="${num(height / 2)}" text-anchor="middle">${esc(t.heatmap.noImage)}</text>`
  // Misclicks last, so they are on top where they overlap a hit.
  const dots = [...heatmap.taps]
    .sort((a, b) => Number(b.hit) - Number(a.hit))
    .map(
      (tap) =>
        `<circle class="${tap.hit ? 'h-hit' : 'h-miss'}" cx="${num(tap.x)}" cy="${num(tap.y)}" r="${DOT_RADIUS}"/>`,
    )
    .join('')
  const id = `heatmap-${index}`
  return (
    `<figure class="heatmap" data-screen="${esc(heatmap.screen)}">` +
    `<svg role="img" aria-labelledby="${id}" viewBox="0 0 ${num(width)} ${num(height)}" width="${HEATMAP_WIDTH}" height="${num(shown)}">` +
    `<title id="${id}">${esc(heatmap.screen)}: ${esc(t.heatmap.taps(heatmap.taps.length, misclicks))}</title>` +
    `${backdrop}<rect class="h-frame" x="0" y="0" width="${num(width)}" height="${num(height)}"/>${dots}</svg>` +
    `<figcaption><code>${esc(heatmap.screen)}</code><br/>${esc(t.heatmap.taps(heatmap.taps.length, misclicks))}</figcaption>` +
    `</figure>`
  )
}
