import { expect, type APIRequestContext, type Page } from '@playwright/test'
import type { FaultsBody } from '../../src/contract/test-api.ts'
import { OrderPage } from './order-page.ts'
import { ScanCodePanel } from './wechat.ts'

/** Switches the gateway's simulated faults (`POST /api/__test/faults`) on this server. */
export async function setFaults(request: APIRequestContext, faults: FaultsBody, base = '') {
  const res = await request.post(`${base}/api/__test/faults`, { data: faults })
  expect(res.ok(), await res.text()).toBe(true)
}

/** The result page while the merchant has not yet heard: 正在确认支付结果 / checking…. */
export const CHECKING = /正在确认支付结果|Checking the payment result/

/**
 * The shopper orders from the server at `origin` (one the test started, or a proxy in front of its
 * own) and shows the 微信扫码支付 code. Answers the code panel once it waits (NOTPAY), its token and
 * the amount.
 */
export async function showScanCodeAt(page: Page, origin: string, device: string) {
  const cashier = await new OrderPage(page).checkout({ origin, device })
  const totalFen = await cashier.amountFen()
  const code = new ScanCodePanel(page)
  const token = await code.showFrom(cashier)
  await expect(code.status).toHaveAttribute('data-status', 'NOTPAY')
  return { code, token, totalFen }
}
