/** The saved image's size: a card as WeChat's own "save the code" images are, 2× for sharpness. */
const WIDTH = 600
const HEIGHT = 800
const CODE_SIDE = 420

function loadSvg(svg: SVGSVGElement): Promise<HTMLImageElement> {
  const markup = new XMLSerializer().serializeToString(svg)
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }))
  return new Promise((resolve, reject) => {
    const image = new Image()
    image.onload = () => {
      URL.revokeObjectURL(url)
      resolve(image)
    }
    image.onerror = () => {
      URL.revokeObjectURL(url)
      reject(new Error('the QR code could not be drawn'))
    }
    image.src = url
  })
}

export interface CardText {
  brand: string
  amount: string
  caption: string
}

/**
 * The code as an image to save: a white card with WeChat Pay's name, the amount, the code itself (drawn
 * from the SVG on screen, without smoothing, so every module stays sharp) and a caption. PNG.
 */
export async function drawQrCard(
  svg: SVGSVGElement,
  text: CardText,
): Promise<{ blob: Blob; width: number; height: number }> {
  const canvas = document.createElement('canvas')
  canvas.width = WIDTH
  canvas.height = HEIGHT
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d context')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, WIDTH, HEIGHT)
  ctx.fillStyle = '#07c160'
  ctx.fillRect(0, 0, WIDTH, 96)
  const font = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'
  ctx.fillStyle = '#ffffff'
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.font = `600 34px ${font}`
  ctx.fillText(text.brand, WIDTH / 2, 48)
  ctx.fillStyle = '#191919'
  ctx.font = `600 48px ${font}`
  ctx.fillText(text.amount, WIDTH / 2, 160)
  const image = await loadSvg(svg)
  ctx.imageSmoothingEnabled = false
  ctx.drawImage(image, (WIDTH - CODE_SIDE) / 2, 220, CODE_SIDE, CODE_SIDE)
  ctx.fillStyle = '#7f7f7f'
  ctx.font = `26px ${font}`
  ctx.fillText(text.caption, WIDTH / 2, 700)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!blob) throw new Error('the image could not be encoded')
  return { blob, width: WIDTH, height: HEIGHT }
}

/** Hands the PNG to the browser as a download. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}
