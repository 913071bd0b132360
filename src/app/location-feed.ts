/** The router's committed locations, for listeners outside React (the lab's probe). */
export interface FedLocation {
  pathname: string
  search: string
}

type Listener = (location: FedLocation) => void

const listeners = new Set<Listener>()
let latest: FedLocation | undefined

export function publishLocation(location: FedLocation): void {
  latest = { pathname: location.pathname, search: location.search }
  for (const listener of listeners) listener(latest)
}

/** Calls `listener` with the current location (when there is one yet) and every later one. */
export function onLocation(listener: Listener): () => void {
  listeners.add(listener)
  if (latest) listener(latest)
  return () => listeners.delete(listener)
}
