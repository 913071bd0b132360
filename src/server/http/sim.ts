import { createMiddleware } from 'hono/factory'
import { SIM_HEADERS, SimContextSchema } from '../../contract/sim.ts'
import { PERSONAS } from '../domain/personas.ts'
import type { AppDeps, AppEnv } from './env.ts'
import { fail } from './respond.ts'

/** Who and when the call is, from the `x-sim-*` headers (an empty header counts as absent). */
export function simContext(deps: Pick<AppDeps, 'slowNetworkMs'>) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const read = (name: string) => c.req.header(name) || undefined
    const parsed = SimContextSchema.safeParse({
      persona: read(SIM_HEADERS.persona),
      era: read(SIM_HEADERS.era),
      appVersion: read(SIM_HEADERS.appVersion),
    })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const key = issue?.path[0]
      const header =
        key === 'persona' || key === 'era' || key === 'appVersion' ? SIM_HEADERS[key] : 'x-sim-*'
      return fail(c, {
        code: 'PARAM_ERROR',
        message: `bad ${header} header: ${issue?.message ?? ''}`,
      })
    }
    const { persona, era, appVersion } = parsed.data
    c.set('who', { persona, era, appVersion: appVersion ?? PERSONAS[persona].appVersion })
    await next()
    // The slow_network persona: every answer takes this much longer (the adapter's job, not the domain's).
    if (persona === 'slow_network' && deps.slowNetworkMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, deps.slowNetworkMs))
    }
  })
}
