import { createMiddleware } from 'hono/factory'
import type { ApiError } from '../../contract/errors.ts'
import { SIM_HEADERS, SimContextSchema } from '../../contract/sim.ts'
import type { ShopperContext } from '../domain/cashier.ts'
import { PERSONAS } from '../domain/personas.ts'
import type { AppDeps, AppEnv } from './env.ts'
import { fail } from './respond.ts'

/** Query parameters standing in for the headers where a client cannot set any (EventSource). */
const QUERY_NAMES = { persona: 'persona', era: 'era', appVersion: 'appVersion' } as const

// Every request parses the same few combinations: remember their answers (bounded).
const known = new Map<string, ShopperContext | ApiError>()

function parseContext(
  persona?: string,
  era?: string,
  appVersion?: string,
): ShopperContext | ApiError {
  const key = `${persona}\u0000${era}\u0000${appVersion}`
  const seen = known.get(key)
  if (seen) return seen
  const parsed = SimContextSchema.safeParse({ persona, era, appVersion })
  let answer: ShopperContext | ApiError
  if (parsed.success) {
    const { persona: p, era: e, appVersion: v } = parsed.data
    answer = { persona: p, era: e, appVersion: v ?? PERSONAS[p].appVersion }
  } else {
    const issue = parsed.error.issues[0]
    const name = issue?.path[0]
    const header =
      name === 'persona' || name === 'era' || name === 'appVersion' ? SIM_HEADERS[name] : 'x-sim-*'
    answer = { code: 'PARAM_ERROR', message: `bad ${header} header: ${issue?.message ?? ''}` }
  }
  if (known.size >= 256) known.clear()
  known.set(key, answer)
  return answer
}

/**
 * Who and when the call is, from the `x-sim-*` headers, or `?persona=&era=&appVersion=` when a header is
 * missing (an empty one counts as missing).
 */
export function simContext(deps: Pick<AppDeps, 'slowNetworkMs'>) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const hasQuery = c.req.url.includes('?')
    const read = (name: keyof typeof SIM_HEADERS) =>
      c.req.header(SIM_HEADERS[name]) || (hasQuery && c.req.query(QUERY_NAMES[name])) || undefined
    const who = parseContext(read('persona'), read('era'), read('appVersion'))
    if ('code' in who) return fail(c, who)
    c.set('who', who)
    await next()
    // The slow_network persona: every answer takes this much longer (the adapter's job, not the domain's).
    if (who.persona === 'slow_network' && deps.slowNetworkMs > 0) await sleep(deps.slowNetworkMs)
  })
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
