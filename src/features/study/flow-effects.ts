import type { Participant, StudyEvent } from '@/contract/study.ts'
import { failureOf } from '@/lib/failure.ts'
import { answering, type Perform } from '@/lib/machine.ts'
import type { StudyEffect, StudyMachineEvent } from './flow.ts'
import type { StudyApi } from './study-api.ts'

/** Where the effects go besides the API: the outbox of the participant's events, and the browser's storage. */
export interface StudyEffectDeps {
  api: StudyApi
  /** Into the participant's outbox (outbox.ts), in order. */
  record(participantId: string, events: readonly StudyEvent[], mark?: number): void
  /** Resolves once everything recorded arrived. */
  drain(): Promise<void>
  remember(studyId: string, participantId: string | null): void
}

/** Does what the participant's page's flow asks for, and answers with events. */
export function performStudy(
  deps: StudyEffectDeps,
  participantOf: () => string | null,
): Perform<StudyMachineEvent, StudyEffect> {
  return (effect, send, signal) => {
    const answer = answering(send)
    switch (effect.kind) {
      case 'load': {
        const { studyId, participantId } = effect
        const participant = participantId
          ? deps.api.getParticipant(studyId, participantId, signal).catch((error: unknown) => {
              // Deleted by the owner, or never known here: this browser joins afresh.
              if (failureOf(error).code !== 'PARTICIPANT_NOT_FOUND') throw error
              deps.remember(studyId, null)
              return null
            })
          : Promise.resolve(null)
        return answer(
          Promise.all([deps.api.getStudy(studyId, signal), participant]),
          ([study, found]): StudyMachineEvent => ({ type: 'LOADED', study, participant: found }),
          (error) => ({ type: 'LOAD_FAILED', error }),
        )
      }
      case 'join':
        return answer(
          deps.api.join(effect.studyId),
          (participant: Participant): StudyMachineEvent => ({ type: 'JOINED', participant }),
          (error) => ({ type: 'JOIN_FAILED', error }),
        )
      case 'remember':
        return deps.remember(effect.studyId, effect.participantId)
      case 'forget':
        return deps.remember(effect.studyId, null)
      case 'record': {
        const participantId = participantOf()
        if (participantId) deps.record(participantId, effect.events, effect.mark)
        return
      }
      case 'quit':
        return answer(
          deps
            .drain()
            .then(() => deps.api.quit(effect.studyId, effect.participantId, effect.screen)),
          (participant): StudyMachineEvent => ({ type: 'QUIT_DONE', participant }),
          (error) => ({ type: 'QUIT_FAILED', error }),
        )
    }
  }
}
