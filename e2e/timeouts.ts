// How long the suite's waits may take, by how loaded the machine is: more browsers than cores (say
// E2E_WORKERS=4 on two cores, against one shared instance) makes every screen slower, so every timeout
// grows by workers ÷ cores (at least 1). E2E_SLOWDOWN sets the factor outright. A web-first assertion
// still passes the moment its condition holds: only a failing one waits longer.
import { availableParallelism } from 'node:os'

const workers = Number(process.env.E2E_WORKERS ?? 2)
const byLoad = Math.max(1, workers / availableParallelism())
export const SLOWDOWN = Number(process.env.E2E_SLOWDOWN) || byLoad

/** `s` seconds, in ms, scaled to the machine's load. */
export function seconds(s: number): number {
  return Math.round(s * 1000 * SLOWDOWN)
}
