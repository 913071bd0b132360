// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { isLabShotMessage } from './events.ts'
import type { LabShotMessage, LabShotsRequest } from './events.ts'
import { installRecorder } from './recorder.ts'

const RUN = 'run-shots'

/** A capture the test finishes by hand: what it was asked, and how to answer each ask. */
function heldCapture() {
  const asks: Array<(blob: Blob | null) => void> = []
  const capture = (_maxBytes: number) =>
    new Promise<Blob | null>((resolve) => {
      asks.push(resolve)
    })
  return { capture, asks }
}

const jpeg = () => new Blob([new Uint8Array(10)], { type: 'image/jpeg' })

/** The lab asks for captures, as the parent page does (the phone takes only its parent's word). */
function askForShots(): void {
  const data: LabShotsRequest = { type: 'tbsim-lab-shots', runId: RUN, maxBytes: 1000 }
  window.dispatchEvent(
    new MessageEvent('message', { data, origin: window.location.origin, source: window.parent }),
  )
}

describe('the recorder’s screen captures', () => {
  let shots: LabShotMessage[]
  const collect = (e: MessageEvent) => {
    if (isLabShotMessage(e.data)) shots.push(e.data)
  }

  beforeEach(() => {
    vi.useFakeTimers()
    shots = []
    window.addEventListener('message', collect)
  })
  afterEach(() => {
    window.removeEventListener('message', collect)
    vi.useRealTimers()
  })

  it('drops a picture taken while the screen changed, and takes each screen when it is still', async () => {
    const { capture, asks } = heldCapture()
    const recorder = installRecorder(RUN, capture)
    recorder.screen('/', '', 'taobao')
    askForShots()
    await vi.advanceTimersByTimeAsync(600)
    expect(asks).toHaveLength(1)

    // The shopper taps on while the order page is being drawn: the picture may be of the cashier.
    recorder.screen('/', '?pay=1', 'taobao')
    asks[0]?.(jpeg())
    // (Less than the 500 ms a screen must be still: whatever was posted has arrived, nothing new is drawn.)
    await vi.advanceTimersByTimeAsync(100)
    expect(shots).toEqual([])

    // The cashier stays still: it is taken under its own name.
    await vi.advanceTimersByTimeAsync(600)
    expect(asks).toHaveLength(2)
    asks[1]?.(jpeg())
    await vi.waitFor(() => expect(shots.map((s) => s.screen)).toEqual(['/?pay']))

    // Back on the order page, it is taken this time.
    recorder.screen('/', '', 'taobao')
    await vi.advanceTimersByTimeAsync(600)
    expect(asks).toHaveLength(3)
    asks[2]?.(jpeg())
    await vi.waitFor(() => expect(shots.map((s) => s.screen)).toEqual(['/?pay', '/']))
  })
})
