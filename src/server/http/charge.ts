import type { Context } from 'hono'
import type { PersonaId } from '../../contract/sim.ts'
import type { Decision } from '../domain/result.ts'
import type { PaymentRecord, State } from '../domain/state.ts'
import type { AppDeps, AppEnv } from './env.ts'
import { fail } from './respond.ts'
import { paymentView } from './views.ts'

export type Charging = (state: State, now: number) => Decision<{ payment: PaymentRecord }>

/**
 * Every way money moves (the cashier's confirm, a pay sheet's, a friend's) passes here: the simulated
 * faults first (nothing is decided, so nothing is charged), then the domain, then the answer. The
 * merchant hears of a success through the notification outbox, which watches the events.
 */
export function chargeAndAnswer(
  deps: Pick<AppDeps, 'publicOrigin'>,
  c: Context<AppEnv>,
  target: string,
  payer: PersonaId,
  decide: Charging,
) {
  const { faults, store } = c.get('world')
  const fault = faults.confirmFault(payer, target)
  if (fault) return fail(c, fault)
  const result = store.run(decide)
  if (!result.ok) return fail(c, result.error)
  return c.json(paymentView(result.value.payment, deps.publicOrigin(c.req.url)))
}
