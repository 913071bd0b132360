/**
 * What a participant's browser keeps: who they are in a study (localStorage, so a reload or a new tab
 * picks up where they were), and where each task's phone was (sessionStorage: a reload of the page brings
 * the phone back to its screen).
 */
const participantKey = (studyId: string) => `tbsim:study:${studyId}:participant`
const phoneKey = (runId: string) => `tbsim:study-phone:${runId}`

function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key)
  } catch {
    return null
  }
}

function write(storage: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage().removeItem(key)
    else storage().setItem(key, value)
  } catch {
    // Storage refused (private mode): it lasts as long as the page.
  }
}

const local = () => window.localStorage
const session = () => window.sessionStorage

export const savedParticipant = (studyId: string) => read(local, participantKey(studyId))
export const rememberParticipant = (studyId: string, participantId: string | null) =>
  write(local, participantKey(studyId), participantId)
export const savedPhonePath = (runId: string) => read(session, phoneKey(runId))
export const rememberPhonePath = (runId: string, path: string) =>
  write(session, phoneKey(runId), path)
