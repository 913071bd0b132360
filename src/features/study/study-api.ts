import { IDEMPOTENCY_HEADER } from '@/contract/headers.ts'
import { API_BASE, routePath } from '@/contract/routes.ts'
import type { Participant, StudyEvent, StudyPublic } from '@/contract/study.ts'
import { callRoute } from '@/lib/api/call.ts'
import { api, ApiError } from '@/lib/api/client.ts'

/** The calls of a participant's page (`/api/lab/studies/…`, contract/routes.ts); fakes in the tests. */
export interface StudyApi {
  getStudy(studyId: string, signal?: AbortSignal): Promise<StudyPublic>
  getParticipant(studyId: string, participantId: string, signal?: AbortSignal): Promise<Participant>
  join(studyId: string): Promise<Participant>
  sendEvents(
    studyId: string,
    participantId: string,
    events: readonly StudyEvent[],
    key: string,
    keepalive: boolean,
  ): Promise<Participant | null>
  quit(studyId: string, participantId: string, screen: string | null): Promise<Participant>
  sendScreen(studyId: string, participantId: string, screen: string, image: Blob): Promise<void>
}

/** A keepalive request outlives the page: its answer is checked for success only. */
async function sendKeepalive(path: string, events: readonly StudyEvent[], key: string) {
  const res = await fetch(`${API_BASE}${path}`, {
    method: 'POST',
    keepalive: true,
    headers: { 'content-type': 'application/json', [IDEMPOTENCY_HEADER]: key },
    body: JSON.stringify({ events }),
  })
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: unknown; message?: unknown }
    throw new ApiError({
      code: typeof body.code === 'string' ? (body.code as ApiError['code']) : 'BAD_RESPONSE',
      message: typeof body.message === 'string' ? body.message : `HTTP ${res.status}`,
      status: res.status,
    })
  }
  return null
}

export const STUDY_API: StudyApi = {
  getStudy: (studyId, signal) => callRoute('getStudy', { params: { studyId }, signal }),
  getParticipant: (studyId, participantId, signal) =>
    callRoute('getParticipant', { params: { studyId, participantId }, signal }),
  join: (studyId) => callRoute('joinStudy', { params: { studyId }, body: {} }),
  async sendEvents(studyId, participantId, events, key, keepalive) {
    if (keepalive) {
      return sendKeepalive(routePath('sendStudyEvents', { studyId, participantId }), events, key)
    }
    const answer = await callRoute('sendStudyEvents', {
      params: { studyId, participantId },
      body: { events: [...events] },
      idempotencyKey: key,
    })
    return answer.participant
  },
  quit: (studyId, participantId, screen) =>
    callRoute('quitStudy', {
      params: { studyId, participantId },
      body: screen ? { screen: screen.slice(0, 200) } : {},
    }),
  async sendScreen(studyId, participantId, screen, image) {
    const path = `${routePath('sendStudyScreen', { studyId, participantId })}?screen=${encodeURIComponent(screen.slice(0, 200))}`
    await api(
      path,
      async () =>
        (await import('@/contract/study-route-schemas.ts')).STUDY_ROUTE_SCHEMAS.sendStudyScreen
          .answer.schema,
      { method: 'POST', upload: image },
    )
  },
}
