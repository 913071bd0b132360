import type { z } from 'zod'
import type { CreateStudyBody } from '@/contract/study.ts'
import { API_BASE, ROUTES, routePath, studyResultsUrl } from '@/contract/routes.ts'
import type { RouteParams } from '@/contract/routes.ts'
import { callRoute, type AnswerOf } from '@/lib/api/call.ts'
import { api } from '@/lib/api/client.ts'
import { takeEarly } from '@/lib/api/early.ts'

/** The lab's calls of the studies' routes (contract/routes.ts), by route name. */

export function createStudy(body: CreateStudyBody) {
  return callRoute('createStudy', { body })
}

export function fetchPublicStudy(studyId: string, signal?: AbortSignal) {
  return callRoute('getStudy', { params: { studyId }, signal })
}

type OwnerRoute = 'studyResults' | 'deleteStudy' | 'deleteParticipant'

function ownerPath<N extends OwnerRoute>(name: N, params: RouteParams<N>, key: string): string {
  return `${routePath(name, params)}?${new URLSearchParams({ key })}`
}

/**
 * An owner's route: the key goes as `?key=` (the route has no query schema of its own, so the typed
 * `callRoute` cannot carry it); the path, method and answer's schema are the route table's.
 */
async function ownerCall<N extends OwnerRoute>(
  name: N,
  params: RouteParams<N>,
  key: string,
  signal?: AbortSignal,
  early: Promise<Response> | null = null,
): Promise<AnswerOf<N>> {
  const path = ownerPath(name, params, key)
  return api(
    path,
    async () => {
      const { ROUTE_SCHEMAS } = await import('@/contract/route-schemas.ts')
      // The table pairs this name with this schema; TypeScript cannot follow a generic index here.
      return ROUTE_SCHEMAS[name].answer.schema as unknown as z.ZodType<AnswerOf<N>>
    },
    {
      method: ROUTES[name].method,
      signal,
      early,
    },
  )
}

export function fetchResults(studyId: string, key: string, signal?: AbortSignal) {
  // The first answer may be on its way already: the router asked for it with the page's code.
  const early = takeEarly(studyResultsUrl(studyId, key))
  return ownerCall('studyResults', { studyId }, key, signal, early)
}

export function deleteStudy(studyId: string, key: string) {
  return ownerCall('deleteStudy', { studyId }, key)
}

export function deleteParticipant(studyId: string, participantId: string, key: string) {
  return ownerCall('deleteParticipant', { studyId, participantId }, key)
}

/** The owner's files and images: plain links, the key in the query. */
export function ownerFileUrl(
  name: 'studyParticipantsCsv' | 'studyEventsNdjson' | 'studyReport',
  studyId: string,
  key: string,
): string {
  return `${API_BASE}${routePath(name, { studyId })}?${new URLSearchParams({ key })}`
}

export function screenImageUrl(studyId: string, imageId: string, key: string): string {
  return `${API_BASE}${routePath('studyScreenImage', { studyId, imageId })}?${new URLSearchParams({ key })}`
}
