// What the studies' tests share: the app with a study store of their choosing, the scripted friend on a
// clock of theirs, and the calls a participant's phone makes.
import { CheckoutSchema } from '../../contract/order.ts'
import { PaymentSchema } from '../../contract/payment.ts'
import { CreatedStudySchema, ParticipantSchema } from '../../contract/study.ts'
import type { CreateStudyBody, Participant, StudyEvent } from '../../contract/study.ts'
import { ONE_SHOP_CART, harness, manualClock } from '../http/testing.ts'
import type { AppDeps } from '../http/env.ts'
import type { DiskIO } from '../store/disk.ts'
import type { WorldLimits } from '../worlds/limits.ts'
import { T0 } from '../domain/testing.ts'
import { StudyStore } from './studies.ts'

export interface LabSetup {
  /** A data folder for the worlds and the studies (default memory). */
  data?: string
  disk?: DiskIO
  remoteAddress?: AppDeps['remoteAddress']
  limits?: WorldLimits
  /** Where in friendDelayMs each delay falls (default the middle). */
  random?: () => number
}

export function labHarness(setup: LabSetup = {}) {
  const friendClock = manualClock(T0)
  const studyLogs: string[] = []
  const studies = new StudyStore({
    data: setup.data ?? 'memory',
    log: (m) => void studyLogs.push(m),
    ...(setup.disk ? { disk: setup.disk } : {}),
  })
  const h = harness(
    {
      studies,
      studyTiming: { scheduler: friendClock.scheduler, random: setup.random ?? (() => 0.5) },
      ...(setup.remoteAddress ? { remoteAddress: setup.remoteAddress } : {}),
      ...(setup.limits ? { limits: setup.limits } : {}),
    },
    setup.data ? { data: setup.data } : {},
  )
  const create = async (body: Partial<CreateStudyBody> = {}) => {
    const res = await h.json('POST', '/api/lab/studies', {
      body: { routes: ['alipay-balance', 'huabei'], design: 'between', lang: 'en', ...body },
    })
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`)
    return CreatedStudySchema.parse(res.body)
  }
  const join = async (studyId: string): Promise<Participant> => {
    const res = await h.json('POST', `/api/lab/studies/${studyId}/participants`)
    if (res.status !== 201) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`)
    return ParticipantSchema.parse(res.body)
  }
  const send = (studyId: string, participantId: string, events: StudyEvent[]) =>
    h.json('POST', `/api/lab/studies/${studyId}/participants/${participantId}/events`, {
      body: { events },
    })
  const inWorld = (world: string, persona = 'shopper', extra: Record<string, string> = {}) => ({
    'x-sim-world': world,
    'x-sim-persona': persona,
    ...extra,
  })
  /** One shop's order in `world`, as the shopper. */
  const orderIn = async (world: string, lines: unknown = ONE_SHOP_CART) => {
    const res = await h.json('POST', '/api/shop/orders', {
      body: { lines, addressId: 'addr-hz' },
      headers: inWorld(world, 'shopper', { 'idempotency-key': h.newKey() }),
    })
    if (res.status !== 201) throw new Error(`order: ${res.status} ${JSON.stringify(res.body)}`)
    return CheckoutSchema.parse(res.body)
  }
  /** Opens and confirms a payment of the checkout with `method` (not the scan or friend routes). */
  const payIn = async (
    world: string,
    checkoutId: string,
    method: string,
    headers: Record<string, string> = {},
    extra: Record<string, unknown> = {},
  ) => {
    const created = await h.json('POST', '/api/pay/payments', {
      body: { orderId: checkoutId, method, ...extra },
      headers: inWorld(world, 'shopper', { 'idempotency-key': h.newKey(), ...headers }),
    })
    if (created.status !== 201) return created
    const payment = PaymentSchema.parse(created.body)
    return h.json('POST', `/api/pay/payments/${payment.id}/confirm`, {
      body: { password: '123456' },
      headers: inWorld(world, 'shopper', headers),
    })
  }
  return { h, studies, studyLogs, friendClock, create, join, send, inWorld, orderIn, payIn }
}

export type LabHarness = ReturnType<typeof labHarness>
