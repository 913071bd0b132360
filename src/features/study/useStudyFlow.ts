import { useEffect, useMemo, useState, useSyncExternalStore, type RefObject } from 'react'
import { STUDY_SCREEN_MAX_BYTES } from '@/contract/study.ts'
import type { Failure } from '@/lib/failure.ts'
import { newIdempotencyKey } from '@/lib/idempotency.ts'
import { isLabMessage, isLabShotMessage, type LabShotsRequest } from '@/lib/instrument/events.ts'
import { runMachine, type Machine } from '@/lib/machine.ts'
import { useMachine } from '@/lib/useMachine.ts'
import { performStudy } from './flow-effects.ts'
import {
  initialStudy,
  studyStep,
  type StudyIntent,
  type StudyMachineEvent,
  type StudyState,
} from './flow.ts'
import { Outbox } from './outbox.ts'
import { PHONE_NAME, runIdOf } from './phone-src.ts'
import { STUDY_API, type StudyApi } from './study-api.ts'
import { toStudyEvent } from './study-events.ts'
import { rememberParticipant, rememberPhonePath, savedParticipant } from './storage.ts'

/** A screen's capture is sent this many times at most (it only feeds a heatmap). */
const SHOT_TRIES = 3

/** What the page shows besides its step: sending keeps failing, or there is no one to send to. */
type Trouble = Failure | null

function participantIdOf(state: StudyState): string | null {
  return 'participant' in state ? state.participant.participantId : null
}

/** The run the phone on screen reports to, while a task runs. */
export function currentRun(state: StudyState): string | null {
  return state.kind === 'running' ? runIdOf(state.participant.participantId, state.index) : null
}

/**
 * Everything of a participant's page that is not React: the flow's machine, the outbox of their events,
 * the captures sent once per screen. Made once per page.
 */
function createStudyPage(studyId: string, api: StudyApi) {
  let machine: Machine<StudyState, StudyMachineEvent> | null = null
  let outbox: Outbox | null = null
  let trouble: Trouble = null
  const troubleListeners = new Set<() => void>()
  const setTrouble = (next: Trouble) => {
    if (next === trouble) return
    trouble = next
    for (const listener of troubleListeners) listener()
  }
  const outboxOf = (participantId: string) => {
    outbox ??= new Outbox({
      send: (events, key, keepalive) =>
        api.sendEvents(studyId, participantId, events, key, keepalive),
      onAck: (marks, participant) => machine?.send({ type: 'ACKED', marks, participant }),
      onTrouble: setTrouble,
      newKey: newIdempotencyKey,
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
    })
    return outbox
  }
  const created = runMachine({
    initial: initialStudy(studyId, savedParticipant(studyId)),
    step: studyStep,
    perform: performStudy(
      {
        api,
        record: (participantId, events, mark) => outboxOf(participantId).push(events, mark),
        drain: () => outbox?.drain() ?? Promise.resolve(),
        remember: rememberParticipant,
      },
      () => (machine ? participantIdOf(machine.getState()) : null),
    ),
  })
  machine = created

  const shots = new Set<string>()
  const sendShot = (participantId: string, screen: string, blob: Blob, tries = 1): void => {
    api.sendScreen(studyId, participantId, screen, blob).catch(() => {
      if (tries < SHOT_TRIES) {
        setTimeout(() => sendShot(participantId, screen, blob, tries + 1), 2000 * tries)
      }
    })
  }

  return {
    machine: created,
    hide: () => outbox?.hide(),
    trouble: {
      get: () => trouble,
      subscribe: (listener: () => void) => {
        troubleListeners.add(listener)
        return () => troubleListeners.delete(listener)
      },
    },
    /** A message from the phone of the task on screen (the frame checks its origin and source). */
    fromPhone(frame: HTMLIFrameElement, data: unknown): void {
      const state = created.getState()
      const runId = currentRun(state)
      const participantId = participantIdOf(state)
      if (!runId || !participantId) return
      if (isLabMessage(data)) {
        if (data.runId !== runId || data.phone !== PHONE_NAME) return
        const event = toStudyEvent(data.event)
        if (!event) return
        if (event.kind === 'screen') {
          // Asked on every screen, so a phone that reloaded is asked again (lib/instrument/recorder.ts).
          const ask: LabShotsRequest = {
            type: 'tbsim-lab-shots',
            runId,
            maxBytes: STUDY_SCREEN_MAX_BYTES,
          }
          frame.contentWindow?.postMessage(ask, window.location.origin)
          try {
            const where = frame.contentWindow?.location
            if (where) rememberPhonePath(runId, `${where.pathname}${where.search}`)
          } catch {
            // Not readable (it cannot be: the phone is this origin's); the phone starts over on a reload.
          }
        }
        created.send({ type: 'PHONE', event })
        return
      }
      if (isLabShotMessage(data) && data.runId === runId && data.phone === PHONE_NAME) {
        const type = data.blob.type
        if (type !== 'image/jpeg' && type !== 'image/png') return
        if (data.blob.size > STUDY_SCREEN_MAX_BYTES || shots.has(data.screen)) return
        shots.add(data.screen)
        sendShot(participantId, data.screen.slice(0, 200), data.blob)
      }
    },
  }
}

export type StudyPage = ReturnType<typeof createStudyPage>

/**
 * The one hook that owns the participant's page's effects: the flow, the phone's messages (same origin, from
 * the frame on screen only), the outbox flushed with keepalive when the page hides, and the Back button (a
 * step of the study is never left by it: it asks whether to quit).
 */
export function useStudyFlow(studyId: string, frame: RefObject<HTMLIFrameElement | null>) {
  const [page] = useState(() => createStudyPage(studyId, STUDY_API))
  const [state, send] = useMachine(() => page.machine)
  const trouble = useSyncExternalStore(page.trouble.subscribe, page.trouble.get)

  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      const phone = frame.current
      if (e.origin !== window.location.origin || !phone || e.source !== phone.contentWindow) return
      page.fromPhone(phone, e.data)
    }
    const onHide = () => page.hide()
    window.addEventListener('message', onMessage)
    window.addEventListener('pagehide', onHide)
    return () => {
      window.removeEventListener('message', onMessage)
      window.removeEventListener('pagehide', onHide)
      page.hide()
    }
  }, [page, frame])

  const joined =
    state.kind === 'task' ||
    state.kind === 'running' ||
    state.kind === 'seq' ||
    state.kind === 'sus'
  useEffect(() => {
    if (!joined) return undefined
    // One entry of the page's own above where the participant came from: Back (once the phone has no
    // more of its own screens to go back to) lands on it and asks whether to quit, losing nothing.
    const guard = () => ({ ...(history.state as object | null), tbsimStudy: true })
    if (!(history.state as { tbsimStudy?: boolean } | null)?.tbsimStudy) {
      history.pushState(guard(), '')
    }
    const onPop = (e: PopStateEvent) => {
      if ((e.state as { tbsimStudy?: boolean } | null)?.tbsimStudy) return
      history.pushState(guard(), '')
      send({ type: 'QUIT_OPEN' })
    }
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [joined, send])

  const sendIntent = useMemo(() => send as (intent: StudyIntent) => void, [send])
  return { state, send: sendIntent, trouble, runId: currentRun(state) }
}
