import { expect, type APIRequestContext } from '@playwright/test'
import type { FaultsBody } from '../../src/contract/test-api.ts'

/** Switches the gateway's simulated faults (`POST /api/__test/faults`) on this server. */
export async function setFaults(request: APIRequestContext, faults: FaultsBody, base = '') {
  const res = await request.post(`${base}/api/__test/faults`, { data: faults })
  expect(res.ok(), await res.text()).toBe(true)
}

/** The result page while the merchant has not yet heard: 正在确认支付结果 / checking…. */
export const CHECKING = /正在确认支付结果|Checking the payment result/
