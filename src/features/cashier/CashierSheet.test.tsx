// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { cashier, live, ORDER_ID, payment, scanPayment } from '../../../test/support/flows.ts'
import type { OrderLiveView } from '@/contract/order-live.ts'
import { loadMessages } from '@/lib/i18n/i18n.ts'
import { useCashierStore } from './cashier-store.ts'
import { CashierSheet } from './CashierSheet.tsx'

/** The gateway, faked: every call the cashier makes, and the order's live view pushed by hand. */
const api = vi.hoisted(() => ({
  fetchCashier: vi.fn(),
  createPayment: vi.fn(),
  confirmPayment: vi.fn(),
  fetchPayment: vi.fn(),
  openPaySheet: vi.fn(),
  confirmPaySheet: vi.fn(),
  fetchCheckout: vi.fn(),
  watchers: [] as ((view: OrderLiveView) => void)[],
}))
vi.mock('@/lib/api/pay.ts', () => ({
  fetchCashier: api.fetchCashier,
  createPayment: api.createPayment,
  confirmPayment: api.confirmPayment,
  fetchPayment: api.fetchPayment,
  openPaySheet: api.openPaySheet,
  confirmPaySheet: api.confirmPaySheet,
  resetPassword: vi.fn(async () => ({})),
}))
vi.mock('@/lib/api/shop.ts', () => ({ fetchCheckout: api.fetchCheckout }))
vi.mock('@/lib/order-watch.ts', () => ({
  watchOrderLive: (_: string, __: unknown, listener: (view: OrderLiveView) => void) => {
    api.watchers.push(listener)
    return () => undefined
  },
}))

const pushLive = (view: OrderLiveView) => act(() => api.watchers.forEach((w) => w(view)))

beforeAll(() => Promise.all([loadMessages('cashier'), loadMessages('jump')]))
beforeEach(() => {
  vi.clearAllMocks()
  api.watchers.length = 0
  useCashierStore.setState({ orders: {} })
  api.fetchCashier.mockResolvedValue(cashier())
})
afterEach(cleanup)

function open() {
  const host = { onDone: vi.fn(), onClose: vi.fn(), onOpenWechat: vi.fn() }
  // The cashier keeps its steps in the router's history (useStepHistory).
  render(
    <MemoryRouter initialEntries={[`/?pay=${ORDER_ID}`]}>
      <CashierSheet orderId={ORDER_ID} {...host} />
    </MemoryRouter>,
  )
  return host
}

describe('the cashier, wired to its flow', () => {
  it('lists the methods, opens the attempt once, takes the password, hands over to the result', async () => {
    api.createPayment.mockResolvedValue(payment())
    api.confirmPayment.mockResolvedValue(payment({ status: 'SUCCESS' }))
    const host = open()
    fireEvent.click(await screen.findByTestId('pay-method-alipay-balance'))
    fireEvent.click(screen.getByTestId('confirm-pay'))
    const pad = await screen.findByTestId('pin-pad')
    expect(api.createPayment).toHaveBeenCalledTimes(1)
    const [body, key] = api.createPayment.mock.calls[0] ?? []
    expect(body).toEqual({ orderId: ORDER_ID, method: 'alipay-balance' })
    // The attempt (its key) is kept before the answer: a reload asks again with the same key.
    expect(useCashierStore.getState().orders[ORDER_ID]?.attempt?.key).toBe(key)
    for (const d of '123456') fireEvent.click(within(pad).getByRole('button', { name: d }))
    await waitFor(() => expect(host.onDone).toHaveBeenCalledWith(ORDER_ID))
    expect(api.confirmPayment).toHaveBeenCalledWith('p1', '123456')
    expect(useCashierStore.getState().orders[ORDER_ID]).toBeUndefined()
  })

  it('asks to stay before closing; 确认离开 leaves', async () => {
    const host = open()
    await screen.findByTestId('pay-method-alipay-balance')
    fireEvent.click(screen.getByTestId('cashier-close'))
    const dialog = await screen.findByTestId('retain-dialog')
    fireEvent.click(within(dialog).getByRole('button', { name: '继续支付' }))
    await waitFor(() => expect(screen.queryByTestId('retain-dialog')).toBeNull())
    fireEvent.click(screen.getByTestId('cashier-close'))
    fireEvent.click(
      within(await screen.findByTestId('retain-dialog')).getByRole('button', { name: '确认离开' }),
    )
    expect(host.onClose).toHaveBeenCalled()
  })

  it('follows the order live: paid by a friend meanwhile, the result page', async () => {
    const host = open()
    await screen.findByTestId('pay-method-alipay-balance')
    pushLive(live('PAID'))
    expect(host.onDone).toHaveBeenCalledWith(ORDER_ID)
  })

  it('after a reload, shows the scan code of the open attempt again, without a new payment', async () => {
    useCashierStore.getState().save(ORDER_ID, {
      attempt: {
        method: 'wechat-scan',
        huabeiPeriods: null,
        key: 'k',
        paymentId: 'p1',
        payToken: 'pr-p1',
      },
      jump: null,
      friend: false,
    })
    api.fetchPayment.mockResolvedValue(scanPayment())
    open()
    const qr = await screen.findByTestId('wechat-qr')
    await waitFor(() => expect(qr.getAttribute('data-pay-token')).toBe('pr-p1'))
    expect(api.createPayment).not.toHaveBeenCalled()
    pushLive(live('PENDING_PAYMENT', { payments: { p1: 'USERPAYING' } }))
    expect(screen.getByTestId('qr-status').getAttribute('data-status')).toBe('USERPAYING')
  })

  it('back from WeChat, asks "已完成支付？" and lets the merchant answer', async () => {
    useCashierStore
      .getState()
      .save(ORDER_ID, { attempt: null, jump: { paymentId: 'p1' }, friend: false })
    api.fetchCheckout.mockResolvedValue({ status: 'PENDING_PAYMENT' })
    open()
    const question = await screen.findByTestId('wechat-return')
    fireEvent.click(within(question).getByTestId('wechat-return-paid'))
    await waitFor(() => expect(screen.queryByTestId('wechat-return')).toBeNull())
    expect((await screen.findByTestId('pay-error')).textContent).toContain('暂未查询到支付结果')
    expect(useCashierStore.getState().orders[ORDER_ID]).toBeUndefined()
  })
})
