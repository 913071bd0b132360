/**
 * A funnel projection: of 100 shoppers who start a route, how many are still there after each step, when a
 * share leaves at every step and a further share is lost at each switch between apps.
 */
export interface DropOff {
  /** Share (0–1) who leave at each step after the first screen. */
  perStep: number
  /** Share (0–1) lost at each switch the shopper makes between apps. */
  perSwitch: number
}

export const DEFAULT_DROP_OFF: DropOff = { perStep: 0.03, perSwitch: 0.1 }

export interface FunnelStage {
  kind: 'start' | 'step' | 'switch'
  /** Share (0–1) of the shoppers who started that are still in. */
  remaining: number
}

export function funnel(steps: number, appSwitches: number, drop: DropOff): FunnelStage[] {
  const stages: FunnelStage[] = [{ kind: 'start', remaining: 1 }]
  let remaining = 1
  for (let i = 1; i < steps; i++) {
    remaining *= 1 - drop.perStep
    stages.push({ kind: 'step', remaining })
  }
  for (let i = 0; i < appSwitches; i++) {
    remaining *= 1 - drop.perSwitch
    stages.push({ kind: 'switch', remaining })
  }
  return stages
}

/** Share (0–1) of the shoppers who complete the route. */
export function completing(steps: number, appSwitches: number, drop: DropOff): number {
  return funnel(steps, appSwitches, drop).at(-1)?.remaining ?? 1
}

/** A drop-off typed as a percentage (0–100, up to one decimal) as a share, or null. */
export function shareFromPercent(text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d{1,3}(\.\d)?$/.test(trimmed)) return null
  const percent = Number(trimmed)
  return percent <= 100 ? percent / 100 : null
}
