/**
 * What a phone in the UX lab reports, one event per thing the shopper did or met. Shared by the recorder
 * (inside the phone) and the lab (its parent page): both sides read and write this shape.
 */
export type LabApp = 'taobao' | 'wechat' | 'alipay'

export type LabEvent =
  /** A screen came up: `screen` is the path with its parameter names (ids and values left out). */
  | { kind: 'screen'; at: number; screen: string; app: LabApp }
  /**
   * A tap on something that is not a key of a keypad; `target` is its test id or accessible name. `screen`
   * is the screen it landed on; `x`/`y` its place in the simulated screen's own CSS pixels, the screen's
   * scroll offset added (so taps line up on a full-height capture of the screen), left out for a tap made
   * with the keyboard; `hit` is false when nothing tappable was under the finger (a misclick).
   */
  | {
      kind: 'tap'
      at: number
      target: string
      screen?: string
      x?: number
      y?: number
      hit?: boolean
    }
  /** A key typed into a field, or a digit tapped on a password keypad. */
  | { kind: 'key'; at: number; target: string }
  /** The phone moved to the other app: by the shopper through the app switcher, or by the app itself. */
  | { kind: 'app'; at: number; from: LabApp; to: LabApp; via: 'switcher' | 'link' }
  /** A gateway call, from sent to answered: the time the shopper waited on the network. */
  | { kind: 'request'; at: number; ms: number; method: string; path: string; status: number }
  /** A failed call or an alert on screen. */
  | { kind: 'error'; at: number; source: 'api' | 'alert'; code: string; message: string }
  /** The lab's own marks: the run began, or reached its last screen. */
  | { kind: 'mark'; at: number; mark: 'start' | 'done' }

export type LabEventKind = LabEvent['kind']

/** The envelope a phone posts to the lab (same origin, `postMessage` to the parent). */
export interface LabMessage {
  type: 'tbsim-lab'
  runId: string
  /** Which phone of the run: the frame's name. */
  phone: string
  event: LabEvent
}

export function isLabMessage(data: unknown): data is LabMessage {
  if (typeof data !== 'object' || data === null) return false
  const message = data as Partial<LabMessage>
  return (
    message.type === 'tbsim-lab' &&
    typeof message.runId === 'string' &&
    typeof message.phone === 'string' &&
    typeof message.event === 'object' &&
    message.event !== null &&
    typeof message.event.kind === 'string' &&
    typeof message.event.at === 'number'
  )
}

/**
 * The parent asks a phone of run `runId` for one capture per screen (a study's heatmaps): sent by the parent
 * on every screen the phone reports, so a phone that reloads is asked again. The plain lab never asks.
 */
export interface LabShotsRequest {
  type: 'tbsim-lab-shots'
  runId: string
  /** The largest image the parent takes (a capture that cannot fit is not sent). */
  maxBytes: number
}

/** One capture of a screen (a PNG or JPEG of the screen's whole scroll height), posted to the parent. */
export interface LabShotMessage {
  type: 'tbsim-lab-shot'
  runId: string
  phone: string
  /** The screen's key, as in the `screen` events. */
  screen: string
  blob: Blob
}

export function isLabShotsRequest(data: unknown): data is LabShotsRequest {
  if (typeof data !== 'object' || data === null) return false
  const message = data as Partial<LabShotsRequest>
  return (
    message.type === 'tbsim-lab-shots' &&
    typeof message.runId === 'string' &&
    typeof message.maxBytes === 'number' &&
    message.maxBytes > 0
  )
}

export function isLabShotMessage(data: unknown): data is LabShotMessage {
  if (typeof data !== 'object' || data === null) return false
  const message = data as Partial<LabShotMessage>
  return (
    message.type === 'tbsim-lab-shot' &&
    typeof message.runId === 'string' &&
    typeof message.phone === 'string' &&
    typeof message.screen === 'string' &&
    typeof Blob !== 'undefined' &&
    message.blob instanceof Blob
  )
}
