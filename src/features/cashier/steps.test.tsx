// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { createRef } from 'react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  cashier,
  fold,
  live,
  method,
  ORDER_ID,
  request,
  scanPayment,
} from '../../../test/support/flows.ts'
import { ApiError } from '@/lib/api/client.ts'
import { loadMessages } from '@/lib/i18n/i18n.ts'
import { EMPTY_FRIEND } from './friend/friend-flow.ts'
import { FriendPanel } from './friend/FriendPanel.tsx'
import type { CashierEvent, CashierState, FriendState, ScanState } from './flow-state.ts'
import { initialCashier, step } from './flow.ts'
import { MethodsStep } from './MethodsStep.tsx'
import { PasswordStep } from './PasswordStep.tsx'
import { EMPTY_RESUME } from './resume.ts'
import { scanOf } from './scan/scan-flow.ts'
import { ScanPanel } from './scan/ScanPanel.tsx'

beforeAll(async () => {
  // The scan code's and the share sheet's words load with their steps.
  await Promise.all([loadMessages('cashier'), loadMessages('jump'), loadMessages('friendPay')])
})
afterEach(cleanup)

const listed = (...events: CashierEvent[]): CashierState =>
  fold(
    step,
    initialCashier(ORDER_ID, EMPTY_RESUME),
    { type: 'LIST_LOADED', round: 0, cashier: cashier() },
    ...events,
  ).state
const digits = (pad: HTMLElement, text: string) => {
  for (const d of text) fireEvent.click(within(pad).getByRole('button', { name: d }))
}

describe('the method list', () => {
  it('renders the gateway’s methods in its order and sends what the shopper taps', () => {
    const send = vi.fn()
    const onClose = vi.fn()
    render(<MethodsStep state={listed()} send={send} onClose={onClose} />)
    const rows = screen.getAllByTestId(/^pay-method-/).map((row) => row.dataset.testid)
    expect(rows).toEqual(cashier().methods.map((m) => `pay-method-${m.id}`))
    expect((screen.getByTestId('confirm-pay') as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(screen.getByTestId('pay-method-huabei'))
    expect(send).toHaveBeenLastCalledWith({ type: 'PICK', method: 'huabei' })
    fireEvent.click(screen.getByTestId('cashier-close'))
    expect(onClose).toHaveBeenCalled()
  })

  it('shows the choice, its plans and 确认付款; a disabled row says why and still reports a tap', () => {
    const send = vi.fn()
    const old = method('wechat', { enabled: false, reason: 'UPDATE_APP' })
    const state = fold(
      step,
      initialCashier(ORDER_ID, EMPTY_RESUME),
      {
        type: 'LIST_LOADED',
        round: 0,
        cashier: cashier('beta', { methods: [...cashier().methods, old] }),
      },
      { type: 'PICK', method: 'alipay-balance' },
    ).state
    render(<MethodsStep state={state} send={send} onClose={vi.fn()} />)
    expect(screen.getByTestId('pay-method-alipay-balance').getAttribute('aria-checked')).toBe(
      'true',
    )
    const disabled = screen.getByTestId('pay-method-wechat')
    expect(disabled.getAttribute('aria-disabled')).toBe('true')
    expect(disabled.textContent).toContain('请升级淘宝到最新版本')
    fireEvent.click(disabled)
    expect(send).toHaveBeenLastCalledWith({ type: 'DISABLED_TAP', method: old })
    fireEvent.click(screen.getByTestId('confirm-pay'))
    expect(send).toHaveBeenLastCalledWith({ type: 'CONFIRM' })
  })

  it('says why the last try failed, in an alert', () => {
    const problem = new ApiError({ code: 'METHOD_UNAVAILABLE', message: '', status: 403 })
    const state = {
      ...listed(),
      view: { kind: 'choosing', problem: { kind: 'failure', failure: problem } },
    } as const
    render(<MethodsStep state={state} send={vi.fn()} onClose={vi.fn()} />)
    expect(screen.getByRole('alert').textContent).toContain('该付款方式暂不可用')
  })

  it('a closed order says so, and nothing can be confirmed', () => {
    render(
      <MethodsStep
        state={listed({ type: 'LIVE', view: live('CLOSED') })}
        send={vi.fn()}
        onClose={vi.fn()}
      />,
    )
    expect(screen.getAllByRole('alert')[0]?.textContent).toContain('订单已关闭')
    expect((screen.getByTestId('confirm-pay') as HTMLButtonElement).disabled).toBe(true)
  })

  it('while the list loads, a spinner; if it failed, why and 重试', () => {
    const send = vi.fn()
    const loading = fold(step, initialCashier(ORDER_ID, EMPTY_RESUME)).state
    const { unmount } = render(<MethodsStep state={loading} send={send} onClose={vi.fn()} />)
    expect(screen.queryByRole('alert')).toBeNull()
    unmount()
    const error = new ApiError({ code: 'SYSTEMERROR', message: '', status: 503 })
    const failed = fold(step, initialCashier(ORDER_ID, EMPTY_RESUME), {
      type: 'LIST_FAILED',
      round: 0,
      error,
    }).state
    render(<MethodsStep state={failed} send={send} onClose={vi.fn()} />)
    expect(screen.getByRole('alert').textContent).toContain('系统繁忙')
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(send).toHaveBeenLastCalledWith({ type: 'RELOAD' })
  })
})

describe('the password step', () => {
  it('sends the six digits, says how many tries are left, and goes back', () => {
    const send = vi.fn()
    const problem = new ApiError({ code: 'PASSWORD_ERROR', message: '', status: 403, triesLeft: 4 })
    render(
      <PasswordStep
        view={{ tries: 1, busy: false, problem }}
        paused={false}
        send={send}
        onClose={vi.fn()}
      />,
    )
    expect(screen.getByTestId('pay-error').textContent).toContain('4')
    digits(screen.getByTestId('pin-pad'), '123456')
    expect(send).toHaveBeenLastCalledWith({ type: 'PASSWORD', password: '123456' })
    fireEvent.click(screen.getByRole('button', { name: '返回付款方式' }))
    expect(send).toHaveBeenLastCalledWith({ type: 'BACK' })
  })

  it('locked, it says until when; busy, its keys rest and say so', () => {
    const lock = new ApiError({
      code: 'ACCOUNT_LOCKED',
      message: '',
      status: 423,
      lockedUntil: '2024-09-10T13:00:00.000Z',
    })
    const send = vi.fn()
    const { rerender } = render(
      <PasswordStep
        view={{ tries: 5, busy: false, problem: lock }}
        paused={false}
        send={send}
        onClose={vi.fn()}
      />,
    )
    expect(screen.getByTestId('pay-error').textContent).toContain('锁定')
    rerender(
      <PasswordStep
        view={{ tries: 5, busy: true, problem: null }}
        paused={false}
        send={send}
        onClose={vi.fn()}
      />,
    )
    const pad = screen.getByTestId('pin-pad')
    for (const d of '0123456789')
      expect((within(pad).getByRole('button', { name: d }) as HTMLButtonElement).disabled).toBe(
        true,
      )
    expect(pad.textContent).toContain('正在付款')
  })

  it('under the retention dialog, keys do nothing', () => {
    const send = vi.fn()
    render(
      <PasswordStep
        view={{ tries: 0, busy: false, problem: null }}
        paused
        send={send}
        onClose={vi.fn()}
      />,
    )
    digits(screen.getByTestId('pin-pad'), '123456')
    expect(send).not.toHaveBeenCalled()
  })
})

describe('the scan code', () => {
  const panel = (scan: ScanState, state = listed(), send = vi.fn()) => {
    render(
      <ScanPanel state={state} scan={scan} send={send} codeRef={createRef()} onClose={vi.fn()} />,
    )
    return send
  }

  it('draws the code of the payment it holds, and sends refresh and save', () => {
    const send = panel(scanOf(scanPayment()))
    const qr = screen.getByTestId('wechat-qr')
    expect(qr.getAttribute('data-pay-token')).toBe('pr-p1')
    expect(qr.querySelector('svg')).not.toBeNull()
    expect(screen.getByTestId('qr-status').getAttribute('data-status')).toBe('NOTPAY')
    fireEvent.click(screen.getByTestId('qr-save'))
    expect(send).toHaveBeenLastCalledWith({ type: 'SAVE_CODE' })
    fireEvent.click(screen.getAllByRole('button', { name: '刷新二维码' })[0] as HTMLElement)
    expect(send).toHaveBeenLastCalledWith({ type: 'REFRESH_CODE' })
  })

  it('turns paid from the live view, and shows an expired code as expired', () => {
    const paid = listed({ type: 'LIVE', view: live('PAID', { paymentId: 'p1' }) })
    panel(scanOf(scanPayment()), paid)
    expect(screen.getByTestId('qr-status').getAttribute('data-status')).toBe('SUCCESS')
    cleanup()
    panel({ ...scanOf(scanPayment()), expiredAt: '2024-09-10T12:00:00.000Z' })
    expect(screen.getByText('二维码已过期')).toBeTruthy()
    expect((screen.getByTestId('qr-save') as HTMLButtonElement).disabled).toBe(true)
  })

  it('without its payment yet, a spinner; a failure, in an alert', () => {
    panel({
      ...scanOf(null),
      error: new ApiError({ code: 'PAYMENT_NOT_EXIST', message: '', status: 404 }),
    })
    expect(screen.getByRole('alert').textContent).toContain('付款记录不存在')
  })
})

describe('ask a friend', () => {
  const panel = (friend: FriendState, send = vi.fn()) => {
    render(
      <FriendPanel
        state={listed()}
        friend={friend}
        send={send}
        canOpenWechat
        onBack={vi.fn()}
        onClose={vi.fn()}
      />,
    )
    return send
  }

  it('shares with a message and a way to send it', () => {
    const send = panel({ ...EMPTY_FRIEND, loaded: true })
    fireEvent.click(screen.getByTestId('friend-pay-via-link'))
    fireEvent.change(screen.getByTestId('friend-pay-message'), { target: { value: ' 帮我付 ' } })
    fireEvent.click(screen.getByTestId('friend-pay-create'))
    expect(send).toHaveBeenLastCalledWith({ type: 'SHARE', message: '帮我付', via: 'link' })
  })

  it('waits for the friend: the link, copy, WeChat, cancel; copy by hand where the clipboard refused', () => {
    const friend = { ...EMPTY_FRIEND, loaded: true, request: request({ via: 'wechat' }) }
    const send = panel(friend)
    expect(screen.getByTestId('friend-pay-status').getAttribute('data-status')).toBe('OPEN')
    expect(screen.getByTestId('friend-pay-link').textContent).toContain('/friend-pay/T0K3N')
    fireEvent.click(screen.getByTestId('friend-pay-copy'))
    expect(send).toHaveBeenLastCalledWith({
      type: 'COPY',
      text: expect.stringContaining('/friend-pay/T0K3N'),
    })
    fireEvent.click(screen.getByTestId('friend-pay-wechat'))
    expect(send).toHaveBeenLastCalledWith({
      type: 'TO_WECHAT',
      text: expect.stringContaining('帮我付一下'),
    })
    fireEvent.click(screen.getByTestId('friend-pay-cancel'))
    expect(send).toHaveBeenLastCalledWith({ type: 'CANCEL_REQUEST' })
    cleanup()
    panel({ ...friend, copied: 'manual' })
    expect(document.activeElement).toBe(screen.getByTestId('friend-pay-manual'))
  })

  it('a failed share says why, in an alert', () => {
    panel({
      ...EMPTY_FRIEND,
      loaded: true,
      error: new ApiError({ code: 'SYSTEMERROR', message: '', status: 503 }),
    })
    expect(screen.getByRole('alert').textContent).toContain('系统繁忙')
  })
})
