// Who does which route, in which order (docs/studies.md, "Design and assignment"): balanced blocks for
// between-subjects, a Williams design (a balanced Latin square) for within-subjects. Replayable: the
// k-th participant always gets the same, from the study's id and k alone.
import type { StudyDesign, StudyRoute } from '../../../contract/study.ts'
import { seededRandom, seedOf } from './stats/rng.ts'

/**
 * The rows of a Williams design for `n` conditions, as indices 0…n−1. For an even `n`, n rows: each
 * condition once in each position, and each ordered pair of conditions adjacent exactly once. For an
 * odd `n`, the square and its mirror (2n rows), which balances the carry-over the same way.
 */
export function williamsRows(n: number): number[][] {
  if (n <= 0) return []
  if (n === 1) return [[0]]
  // The first row: 0, 1, n−1, 2, n−2, …; each next row adds 1 (mod n).
  const first: number[] = [0]
  for (let k = 1; first.length < n; k++) {
    first.push(k)
    if (first.length < n) first.push(n - k)
  }
  const rows = Array.from({ length: n }, (_, i) => first.map((c) => (c + i) % n))
  return n % 2 === 0 ? rows : [...rows, ...rows.map((row) => [...row].reverse())]
}

/** The routes shuffled for between-subjects block `block` (Fisher–Yates on the study's seeded RNG). */
export function blockOf(
  studyId: string,
  routes: readonly StudyRoute[],
  block: number,
): StudyRoute[] {
  const random = seededRandom(seedOf(`${studyId}:block:${block}`))
  const shuffled = [...routes]
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const a = shuffled[i] as StudyRoute
    shuffled[i] = shuffled[j] as StudyRoute
    shuffled[j] = a
  }
  return shuffled
}

/**
 * The routes of the participant in `slot`, in the order they do them: between-subjects one route,
 * `block[floor(k / R)][k % R]`; within-subjects every route, in row `k mod rows` of the Williams design.
 */
export function assignRoutes(
  studyId: string,
  design: StudyDesign,
  routes: readonly StudyRoute[],
  slot: number,
): StudyRoute[] {
  const r = routes.length
  if (r === 0) return []
  if (design === 'between') {
    const route = blockOf(studyId, routes, Math.floor(slot / r))[slot % r]
    return route ? [route] : []
  }
  const rows = williamsRows(r)
  const row = rows[slot % rows.length] ?? []
  return row.map((i) => routes[i] as StudyRoute)
}
