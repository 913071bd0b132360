/**
 * GETs asked for before the code that reads them has loaded: a screen's router entry asks while the
 * screen's chunk is on its way, and the screen's first call takes the answer instead of asking again
 * (`RequestOptions.early`), so the two waits overlap. Each is handed over once; an unclaimed one is
 * dropped after a while, so a stale answer is never read later.
 */
const asked = new Map<string, Promise<Response>>()
const FORGET_MS = 10_000

export function askEarly(url: string): void {
  if (asked.has(url)) return
  const answer = fetch(url, { headers: { accept: 'application/json' } })
  // A failure is the screen's to see (it asks again): never an unhandled rejection here.
  answer.catch(() => undefined)
  asked.set(url, answer)
  setTimeout(() => {
    if (asked.get(url) === answer) asked.delete(url)
  }, FORGET_MS)
}

export function takeEarly(url: string): Promise<Response> | null {
  const answer = asked.get(url) ?? null
  asked.delete(url)
  return answer
}
