import type { LabEvent } from '@/lib/instrument/events.ts'
import type { FlowId } from './flows.ts'

/** An event as the lab keeps it: which phone of the run reported it. */
export type RunEvent = LabEvent & { phone: string }

export interface LabRun {
  id: string
  flow: FlowId
  mode: 'autoplay' | 'hand'
  /** Autoplay's pace: 1 is a person's pace from the KLM times, 10 is ten times faster. */
  speed: number
  startedAt: number
  /** The shopper's phone reached the flow's last screen (paid). */
  done: boolean
  /** What autoplay could not do (an element that never came), if it stopped. */
  failure: string | null
  events: RunEvent[]
}

/** The frame name (and so the phone name in events) of a flow's phone. */
export function phoneName(flow: FlowId, role: 'shopper' | 'friend'): string {
  return `lab-${flow}-${role}`
}
