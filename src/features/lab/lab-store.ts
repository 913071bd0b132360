import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { resultOrderId } from '@/contract/paths.ts'
import type { LabEvent } from '@/lib/instrument/events.ts'
import { DEFAULT_DROP_OFF, type DropOff } from './funnel.ts'
import { DEFAULT_KLM, type KlmTimes } from './klm.ts'
import { phoneName, type LabRun } from './run.ts'

/** Runs kept in the history, newest first. */
const HISTORY_LENGTH = 30
export const SPEEDS = [1, 2, 5, 10, 50] as const

interface LabStore {
  runs: LabRun[]
  klm: KlmTimes
  drop: DropOff
  speed: number
  start: (run: LabRun) => void
  /** A phone of run `runId` reported `event`; the run's start and done marks come from its screens. */
  record: (runId: string, phone: string, event: LabEvent) => void
  fail: (runId: string, failure: string) => void
  clear: () => void
  setKlm: (klm: KlmTimes) => void
  setDrop: (drop: DropOff) => void
  setSpeed: (speed: number) => void
}

/**
 * 2: the KLM defaults became the mobile (touch) values of contract/klm.ts. Operator times saved before
 * were the desktop values (or edits of them): they give way to the new defaults; runs, drop-off and speed
 * are kept.
 */
export const LAB_STORE_VERSION = 2

export function migrateLabStore(persisted: unknown, version: number): Partial<LabStore> {
  const saved = typeof persisted === 'object' && persisted !== null ? persisted : {}
  return version < 2 ? { ...saved, klm: DEFAULT_KLM } : saved
}

/** Where a run is over: the shopper's phone shows Taobao's payment result. */
const isResultScreen = (event: LabEvent) =>
  event.kind === 'screen' && resultOrderId(event.screen.split('?')[0] ?? '') !== null

function withEvent(run: LabRun, phone: string, event: LabEvent): LabRun {
  if (run.done) return run
  const shopperPhone = phoneName(run.flow, 'shopper')
  const events = [...run.events]
  // The run starts when the shopper's phone shows its first screen (the order page), by hand or not.
  const started = events.some((e) => e.kind === 'mark' && e.mark === 'start')
  if (!started && phone === shopperPhone && event.kind === 'screen') {
    events.push({ kind: 'mark', at: event.at, mark: 'start', phone })
  }
  events.push({ ...event, phone })
  const done = phone === shopperPhone && isResultScreen(event)
  if (done) events.push({ kind: 'mark', at: event.at, mark: 'done', phone })
  return { ...run, events, done }
}

/** The lab's runs and settings, kept across reloads of the lab (not per phone: the lab is no phone). */
export const useLabStore = create<LabStore>()(
  persist(
    (set) => ({
      runs: [],
      klm: DEFAULT_KLM,
      drop: DEFAULT_DROP_OFF,
      speed: 1,
      start: (run) => set((s) => ({ runs: [run, ...s.runs].slice(0, HISTORY_LENGTH) })),
      record: (runId, phone, event) =>
        set((s) => ({
          runs: s.runs.map((run) => (run.id === runId ? withEvent(run, phone, event) : run)),
        })),
      fail: (runId, failure) =>
        set((s) => ({ runs: s.runs.map((run) => (run.id === runId ? { ...run, failure } : run)) })),
      clear: () => set({ runs: [] }),
      setKlm: (klm) => set({ klm }),
      setDrop: (drop) => set({ drop }),
      setSpeed: (speed) => set({ speed }),
    }),
    {
      name: 'tbsim-lab',
      version: LAB_STORE_VERSION,
      partialize: ({ runs, klm, drop, speed }) => ({ runs, klm, drop, speed }),
      migrate: migrateLabStore,
    },
  ),
)
