import { performance } from 'node:perf_hooks'
import type { ConsoleDelivery } from '../../contract/console.ts'
import type { DeliveryPlan } from '../http/faults.ts'
import type { NotifyRequest, NotifyResult, NotifyTransport } from './transport.ts'

// One notification attempt of a payment sandbox (WeChat Pay APIv3, Alipay) as the world's notify faults
// plan it (http/faults.ts `deliveryPlan`, the same for Taobao's own outbox): WeChat's SIGNTEST probe
// first, then no copy (dropped), one, or two (duplicate), signed right or wrongly; each POST kept as it
// went, for the console's log.

/** How a copy is signed: right, wrongly, or as the probe no merchant may accept. */
export type CopyKind = 'valid' | 'wrong' | 'probe'

/** One POST of an attempt as it went (`result` null: dropped by a fault, never sent). */
export interface SentCopy {
  request: NotifyRequest
  result: NotifyResult | null
  ms: number
  note?: ConsoleDelivery['note']
}

export interface Attempt {
  /** What the attempt counts as: acknowledged if any real copy was. */
  result: NotifyResult
  copies: SentCopy[]
}

export const copyNote = (kind: CopyKind, resent: boolean, sentBefore: number): SentCopy['note'] =>
  resent
    ? 'resent'
    : kind === 'probe'
      ? 'probe'
      : kind === 'wrong'
        ? 'wrong-signature'
        : sentBefore > 0
          ? 'duplicate'
          : undefined

/** Sends what the plan asks for; `probeSent` hears how a probe went (a merchant that takes it is told). */
export async function sendPlanned(
  transport: NotifyTransport,
  plan: DeliveryPlan,
  request: (kind: CopyKind) => NotifyRequest,
  resent: boolean,
  probeSent: (result: NotifyResult) => void = () => {},
): Promise<Attempt> {
  const copies: SentCopy[] = []
  const send = async (kind: CopyKind) => {
    const sent = request(kind)
    const started = performance.now()
    const result = await transport(sent)
    const note = copyNote(kind, resent, copies.filter((c) => c.note !== 'probe').length)
    copies.push({
      request: sent,
      result,
      ms: performance.now() - started,
      ...(note ? { note } : {}),
    })
    return result
  }
  if (plan.probe) probeSent(await send('probe'))
  if (plan.copies === 0) {
    copies.push({ request: request('valid'), result: null, ms: 0 })
    return { result: { ok: false, status: null, error: 'dropped (simulated fault)' }, copies }
  }
  let result: NotifyResult = { ok: false, status: null, error: 'not sent' }
  for (let i = 0; i < plan.copies; i++) {
    const sent = await send(plan.signature)
    if (sent.ok || !result.ok) result = sent
  }
  return { result, copies }
}

/** A copy as the console's delivery detail. */
export function deliveryOf(
  channel: ConsoleDelivery['channel'],
  notificationId: string,
  attempt: number,
  copy: SentCopy,
  decrypted: unknown,
  nextRetryAt: string | null,
): ConsoleDelivery {
  const { request, result } = copy
  return {
    channel,
    notificationId,
    attempt,
    url: request.url,
    method: 'POST',
    requestHeaders: request.headers,
    requestBody: request.body,
    decrypted,
    status: result?.status ?? null,
    responseBody: result
      ? result.body || result.error || ''
      : 'dropped (simulated fault): nothing was sent',
    ms: copy.ms,
    outcome: !result ? 'dropped' : result.ok ? 'delivered' : 'failed',
    nextRetryAt,
    ...(copy.note ? { note: copy.note } : {}),
  }
}
