import type { Faults, FaultsBody, GatewaySettings } from '@/contract/test-api.ts'
import { api, apiTimed } from '@/lib/api/client.ts'
import { useServerClock } from '@/lib/clock.ts'

/** The gateway's test API (/api/__test, BRIEF §8) as the simulator panel uses it. */

const testApi = () => import('@/contract/test-api.ts')
const faultsSchema = async () => (await testApi()).FaultsSchema
const settingsSchema = async () => (await testApi()).GatewaySettingsSchema
const clockSchema = async () => (await testApi()).ClockAnswerSchema
// Only the clock of the state: the orders, payments and wallets in it are not this panel's business.
const nowSchema = async () => (await testApi()).TestStateSchema.pick({ now: true })
const okSchema = async () => (await testApi()).OkSchema

export type HuabeiFeeBp = GatewaySettings['huabeiFeeBp']
export type HuabeiPlan = keyof HuabeiFeeBp
export const HUABEI_PLANS: readonly HuabeiPlan[] = ['3', '6', '12']
export const DEFAULT_HUABEI_FEE_BP: HuabeiFeeBp = { '3': 250, '6': 450, '12': 880 }

export function fetchFaults(signal?: AbortSignal): Promise<Faults> {
  return api('/__test/faults', faultsSchema, { signal })
}

/** Changes some faults; what is left out stays. Answers all of them. */
export function changeFaults(change: FaultsBody): Promise<Faults> {
  return api('/__test/faults', faultsSchema, { method: 'POST', body: change })
}

export function fetchGatewaySettings(signal?: AbortSignal): Promise<GatewaySettings> {
  return api('/__test/settings', settingsSchema, { signal })
}

/** The buyer's Huabei fee per plan, in basis points (250 = 2.5 %), kept by the gateway for every phone. */
export function changeHuabeiFees(huabeiFeeBp: Partial<HuabeiFeeBp>): Promise<GatewaySettings> {
  return api('/__test/settings', settingsSchema, { method: 'POST', body: { huabeiFeeBp } })
}

/** The gateway's clock; countdowns on this phone learn it too. */
export async function fetchGatewayNow(signal?: AbortSignal): Promise<string> {
  const res = await apiTimed('/__test/state', nowSchema, { signal })
  useServerClock.getState().learn(res.value.now, res.sentAt, res.receivedAt)
  return res.value.now
}

/** Moves the gateway's clock forward (it never goes back); answers its new time. */
export async function advanceClock(advanceMs: number): Promise<string> {
  const res = await apiTimed('/__test/clock', clockSchema, { method: 'POST', body: { advanceMs } })
  useServerClock.getState().learn(res.value.now, res.sentAt, res.receivedAt)
  return res.value.now
}

/** Back to the seed: orders, payments, pay-for-me requests, bills, wallets, clock, fees, faults. */
export async function resetGateway(): Promise<void> {
  await api('/__test/reset', okSchema, { method: 'POST' })
}
