import type { Translate } from '@/lib/i18n/i18n.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** How far the gateway's clock runs ahead of real time, in words ("1天 2小时 5分钟"); null under a minute. */
export function aheadText(t: Translate, offsetMs: number): string | null {
  // Whole minutes, rounded: the offset is learnt over a round trip, so +1 day reads 1 d, not 23 h 59 min.
  const total = Math.round(offsetMs / MINUTE) * MINUTE
  if (total < MINUTE) return null
  const days = Math.floor(total / DAY)
  const hours = Math.floor((total % DAY) / HOUR)
  const minutes = Math.floor((total % HOUR) / MINUTE)
  const parts: string[] = []
  if (days > 0) parts.push(t('sim.clock.units.d', { n: days }))
  if (hours > 0) parts.push(t('sim.clock.units.h', { n: hours }))
  if (minutes > 0) parts.push(t('sim.clock.units.min', { n: minutes }))
  return parts.join(' ')
}
