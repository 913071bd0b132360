import { withoutSim } from '@/contract/paths.ts'

/**
 * A screen's name for counting steps: the path, and the names (not the values) of the parameters that
 * change what is shown (`/?pay` is the cashier over the order page). Ids in the path stay: a run meets
 * each order once, and two visits to one screen count as one step.
 */
export function screenKey(pathname: string, search: string): string {
  // The parameters that set the phone up (persona, era, lang, device, token, lab) name no screen.
  const names = [...new Set(withoutSim(search).keys())].sort()
  return names.length > 0 ? `${pathname}?${names.join('&')}` : pathname
}
