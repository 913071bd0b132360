/** Parameters that set up the phone, not the screen: left out of a screen's name. */
const SETUP_PARAMS = new Set(['persona', 'era', 'lang', 'device', 'lab'])

/**
 * A screen's name for counting steps: the path, and the names (not the values) of the parameters that
 * change what is shown (`/?pay` is the cashier over the order page). Ids in the path stay: a run meets
 * each order once, and two visits to one screen count as one step.
 */
export function screenKey(pathname: string, search: string): string {
  const names = [...new Set(new URLSearchParams(search).keys())]
    .filter((name) => !SETUP_PARAMS.has(name))
    .sort()
  return names.length > 0 ? `${pathname}?${names.join('&')}` : pathname
}
