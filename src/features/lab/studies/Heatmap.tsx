import { memo, useEffect, useRef } from 'react'
import type { StudyResults } from '@/contract/study.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { fitBox, heatmapSize, scaledTaps, screenLabel, tapCounts } from './results-view.ts'
import { screenImageUrl } from './study-api.ts'

type HeatmapData = StudyResults['heatmaps'][number]

const MAX_WIDTH = 220
const MAX_HEIGHT = 476
const DOT_RADIUS = 7

/** Reads a colour token off the canvas (tokens.css through studies.css), so the drawing uses the palette. */
function token(element: Element, name: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim()
}

/**
 * One screen's taps over its screenshot, on a canvas scaled to fit: hits and misclicks in two colours.
 * The canvas is an image for assistive technology: its name says the screen and the counts.
 */
export const Heatmap = memo(function Heatmap({
  map,
  studyId,
  ownerKey,
}: {
  map: HeatmapData
  studyId: string
  ownerKey: string
}) {
  const { t } = useT()
  const canvas = useRef<HTMLCanvasElement>(null)
  const size = heatmapSize(map)
  const box = fitBox(size.width, size.height, MAX_WIDTH, MAX_HEIGHT)
  const counts = tapCounts(map)
  const label = t('labStudy.results.heatmaps.label', {
    screen: screenLabel(map.screen),
    taps: counts.taps,
    misses: counts.misses,
  })

  useEffect(() => {
    const element = canvas.current
    const context = element?.getContext('2d')
    if (!element || !context) return
    let cancelled = false
    const ratio = window.devicePixelRatio || 1
    element.width = Math.round(box.width * ratio)
    element.height = Math.round(box.height * ratio)
    const draw = (image: HTMLImageElement | null) => {
      if (cancelled) return
      context.setTransform(ratio, 0, 0, ratio, 0, 0)
      context.clearRect(0, 0, box.width, box.height)
      context.fillStyle = token(element, '--study-heat-blank')
      context.fillRect(0, 0, box.width, box.height)
      if (image) context.drawImage(image, 0, 0, box.width, box.height)
      const hit = token(element, '--study-heat-hit')
      const miss = token(element, '--study-heat-miss')
      const ring = token(element, '--study-heat-ring')
      context.globalAlpha = 0.55
      for (const tap of scaledTaps(map, box.scale)) {
        context.beginPath()
        context.arc(tap.x, tap.y, DOT_RADIUS, 0, Math.PI * 2)
        context.fillStyle = tap.hit ? hit : miss
        context.fill()
        context.lineWidth = 1
        context.strokeStyle = ring
        context.stroke()
      }
      context.globalAlpha = 1
    }
    if (map.imageId) {
      const image = new Image()
      image.onload = () => draw(image)
      image.onerror = () => draw(null)
      image.src = screenImageUrl(studyId, map.imageId, ownerKey)
      // The dots show at once; the screenshot joins them when it has loaded.
      draw(null)
    } else {
      draw(null)
    }
    return () => {
      cancelled = true
    }
  }, [map, box.width, box.height, box.scale, studyId, ownerKey])

  return (
    <figure className="study-heatmap" data-testid="study-heatmap" data-screen={map.screen}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={label}
        className="study-heatmap__canvas"
        data-taps={counts.taps}
        data-misses={counts.misses}
      />
      <figcaption>
        <code className="study-screen">{screenLabel(map.screen)}</code>
        <span>
          {t('labStudy.results.heatmaps.counts', { taps: counts.taps, misses: counts.misses })}
        </span>
        {!map.imageId && (
          <span className="study-hint">{t('labStudy.results.heatmaps.noImage')}</span>
        )}
      </figcaption>
    </figure>
  )
})
