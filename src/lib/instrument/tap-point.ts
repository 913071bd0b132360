/**
 * Where a tap landed, for a heatmap: in the simulated screen's own CSS pixels, with the screen's scroll
 * offset added so the point lines up on a capture of the screen's whole scroll height (shot.ts). What is
 * pinned to the viewport (a fixed or sticky bar, a dialog in the top layer) scrolls with nothing: its taps
 * keep their place in the viewport. Pure: the recorder measures, this adds up.
 */
export interface TapGeometry {
  clientX: number
  clientY: number
  /** The screen's box in the viewport. */
  left: number
  top: number
  /** The screen's scroll offset. */
  scrollLeft: number
  scrollTop: number
  /** The tapped element sits in something fixed or sticky (it does not move with the scroll). */
  pinned: boolean
}

const round = (n: number) => Math.round(n * 10) / 10

export function tapPoint(g: TapGeometry): { x: number; y: number } {
  const x = g.clientX - g.left + (g.pinned ? 0 : g.scrollLeft)
  const y = g.clientY - g.top + (g.pinned ? 0 : g.scrollTop)
  return { x: round(x), y: round(y) }
}

/** The bounds the study's events accept (contract/study.ts): a point outside them is left out. */
export function inBounds(point: { x: number; y: number }): boolean {
  const ok = (n: number) => Number.isFinite(n) && n >= -10_000 && n <= 100_000
  return ok(point.x) && ok(point.y)
}
