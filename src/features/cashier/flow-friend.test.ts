import { describe, expect, it } from 'vitest'
import { failure, live, request } from '../../../test/support/flows.ts'
import { confirmed, go } from '../../../test/support/cashier-flow.ts'
import { friendStatus } from './friend/friend-flow.ts'
import { TIMING } from './flow-moves.ts'
import { EMPTY_RESUME } from './resume.ts'
import { wechatSharePath } from '@/contract/paths.ts'

describe('找朋友帮忙付: the share sheet', () => {
  const sheet = () => confirmed('friend-pay', 'beta')

  it('opens (no payment): its code loads, and an open request is looked for', () => {
    const { state, effects } = sheet()
    expect(state.view).toMatchObject({ kind: 'friend', friend: { loaded: false } })
    expect(effects).toEqual([{ kind: 'loadStep', step: 'friend' }, { kind: 'fetchRequests' }])
  })

  it('finds the open request again, and comes back to it after a reload', () => {
    const found = go(sheet().state, {
      type: 'REQUESTS_FETCHED',
      requests: [request({ status: 'CANCELLED', token: 'old' }), request()],
    })
    expect(found.state.view).toMatchObject({
      friend: { loaded: true, request: { token: 'T0K3N' } },
    })
    expect(found.effects).toEqual([{ kind: 'save', resume: { ...EMPTY_RESUME, friend: true } }])
  })

  it('creates a request once however often it is tapped; a lost answer is asked again with its key', () => {
    const loaded = go(sheet().state, { type: 'REQUESTS_FETCHED', requests: [] }).state
    const sent = go(loaded, { type: 'SHARE', message: 'hi', via: 'link', key: 'k1' })
    expect(sent.effects).toEqual([{ kind: 'share', message: 'hi', via: 'link', key: 'k1' }])
    expect(
      go(sent.state, { type: 'SHARE', message: 'hi', via: 'link', key: 'k2' }).effects,
    ).toEqual([])
    const lost = go(sent.state, { type: 'SHARE_FAILED', error: failure('NETWORK_ERROR') }).state
    expect(go(lost, { type: 'SHARE', message: 'hi', via: 'link', key: 'k3' }).effects).toEqual([
      { kind: 'share', message: 'hi', via: 'link', key: 'k1' },
    ])
    const made = go(
      lost,
      { type: 'SHARE', message: 'hi', via: 'link', key: 'k3' },
      { type: 'SHARED', request: request() },
    )
    expect(made.state.view).toMatchObject({ friend: { key: null, busy: false, error: null } })
    expect(made.effects.at(-1)).toEqual({ kind: 'save', resume: { ...EMPTY_RESUME, friend: true } })
  })

  it('follows the request live, copies the link (or asks to copy by hand), hands it to WeChat', () => {
    const open = go(sheet().state, { type: 'REQUESTS_FETCHED', requests: [request()] }).state
    const cancelled = go(open, {
      type: 'LIVE',
      view: live('PENDING_PAYMENT', { requests: { T0K3N: 'CANCELLED' } }),
    })
    const view = cancelled.state.view
    expect(view.kind === 'friend' && friendStatus(cancelled.state, view.friend)).toBe('CANCELLED')
    expect(cancelled.effects).toEqual([{ kind: 'save', resume: EMPTY_RESUME }])
    expect(go(open, { type: 'COPY', text: 'link' }).effects).toEqual([
      { kind: 'copy', text: 'link' },
    ])
    expect(go(open, { type: 'COPIED', ok: false }).state.view).toMatchObject({
      friend: { copied: 'manual' },
    })
    expect(go(open, { type: 'TO_WECHAT', text: 'a b' }).effects).toEqual([
      { kind: 'navigate', path: wechatSharePath('a b') },
    ])
    const cancel = go(open, { type: 'CANCEL_REQUEST' })
    expect(cancel.effects).toEqual([{ kind: 'cancelRequest', token: 'T0K3N' }])
    const again = go(
      cancel.state,
      { type: 'REQUEST_CANCELLED', request: request({ status: 'CANCELLED' }) },
      { type: 'ASK_AGAIN' },
    )
    expect(again.state.view).toMatchObject({ friend: { request: null } })
  })

  it('paid by the friend: the sheet says so at once, the result page a moment later; left with Back: not resumed', () => {
    const open = go(sheet().state, { type: 'REQUESTS_FETCHED', requests: [request()] }).state
    // The stream tells of the friend's payment before the order is marked paid (the merchant's turn).
    const told = go(open, {
      type: 'LIVE',
      view: live('PENDING_PAYMENT', { requests: { T0K3N: 'PAID' } }),
    })
    const view = told.state.view
    expect(view.kind === 'friend' && friendStatus(told.state, view.friend)).toBe('PAID')
    expect(told.effects).not.toContainEqual({ kind: 'finish' })
    expect(told.timers).toEqual([
      { key: 'friend', ms: TIMING.friendPaid, event: { type: 'FRIEND_DONE' } },
    ])
    // The order's own PAID comes next: no second timer, still no result page before the moment is over.
    const marked = go(told.state, {
      type: 'LIVE',
      view: live('PAID', { requests: { T0K3N: 'PAID' } }),
    })
    expect(marked.effects).not.toContainEqual({ kind: 'finish' })
    expect(marked.timers).toEqual([])
    expect(go(marked.state, { type: 'FRIEND_DONE' }).effects.at(-1)).toEqual({ kind: 'finish' })
    // Paid another way while the sheet is up: the same.
    const elsewhere = go(open, { type: 'LIVE', view: live('PAID') })
    expect(elsewhere.timers).toEqual([
      { key: 'friend', ms: TIMING.friendPaid, event: { type: 'FRIEND_DONE' } },
    ])
    const back = go(open, { type: 'BACK' })
    expect(back.state.view.kind).toBe('choosing')
    expect(back.effects).toContainEqual({ kind: 'save', resume: EMPTY_RESUME })
  })
})
