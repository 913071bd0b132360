import type { z } from 'zod'
import type { ErrorCode } from '@/contract/errors.ts'
import {
  IDEMPOTENCY_HEADER,
  SIM_HEADERS,
  SIM_NOW_HEADER,
  TEST_TOKEN_HEADER,
  WORLD_HEADER,
} from '@/contract/headers.ts'
import { useServerClock } from '../clock.ts'
import { testToken, useSettings } from '../settings.ts'

/** Codes of the API (contract/errors.ts) plus two the client itself can meet. */
export type ApiErrorCode = ErrorCode | 'NETWORK_ERROR' | 'BAD_RESPONSE'

/** Every failed call: a non-2xx answer, no answer at all, or an answer that breaks the contract. */
export class ApiError extends Error {
  readonly code: ApiErrorCode
  /** HTTP status; 0 when no answer came back. */
  readonly status: number
  readonly triesLeft: number | undefined
  readonly lockedUntil: string | undefined
  readonly owner: { persona: string; nickname: string } | undefined

  constructor(init: {
    code: ApiErrorCode
    message: string
    status: number
    triesLeft?: number | undefined
    lockedUntil?: string | undefined
    owner?: { persona: string; nickname: string } | undefined
  }) {
    super(init.message)
    this.name = 'ApiError'
    this.code = init.code
    this.status = init.status
    this.triesLeft = init.triesLeft
    this.lockedUntil = init.lockedUntil
    this.owner = init.owner
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE'
  body?: unknown
  /** Raw bytes instead of JSON (a chat image), sent with their own type. */
  upload?: Blob
  idempotencyKey?: string
  signal?: AbortSignal | undefined
  /** The answer to this very GET, already asked for (lib/api/early.ts): read instead of asking again. */
  early?: Promise<Response> | null
}

/** An answer and when it was asked and received, for callers that learn the server's clock from it. */
export interface Timed<T> {
  value: T
  status: number
  sentAt: number
  receivedAt: number
}

/**
 * The contract's schema for an answer, imported on demand: zod and the schemas load while the request is
 * on the wire, instead of weighing on the first screen's JavaScript.
 */
export type SchemaLoader<S extends z.ZodType> = () => Promise<S>

function simHeaders(): Record<string, string> {
  const { persona, era, appVersion, world } = useSettings.getState()
  const headers: Record<string, string> = { [SIM_HEADERS.persona]: persona, [SIM_HEADERS.era]: era }
  if (appVersion) headers[SIM_HEADERS.appVersion] = appVersion
  if (world) headers[WORLD_HEADER] = world
  return headers
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json()
  } catch {
    return undefined
  }
}

/** A schema (or another piece of the contract), once zod is configured for the browser. */
async function loadOrFail<S>(load: () => Promise<S>): Promise<S> {
  try {
    const [, loaded] = await Promise.all([import('../zod-config.ts'), load()])
    return loaded
  } catch (cause) {
    throw new ApiError({
      code: 'NETWORK_ERROR',
      message: `client code failed to load: ${String(cause)}`,
      status: 0,
    })
  }
}

async function toApiError(res: Response): Promise<ApiError> {
  const json = await readJson(res)
  // zod is jitless before any schema is defined (lib/zod-jitless.ts, first in main.tsx).
  const { ApiErrorSchema } = await loadOrFail(() => import('@/contract/errors.ts'))
  const parsed = ApiErrorSchema.safeParse(json)
  if (parsed.success) return new ApiError({ ...parsed.data, status: res.status })
  return new ApiError({ code: 'BAD_RESPONSE', message: `HTTP ${res.status}`, status: res.status })
}

let callsInFlight = 0
const idleWaiters: (() => void)[] = []

/** Resolves once no API call is on the wire (at once when none is): for work that can wait its turn. */
export function whenApiIdle(): Promise<void> {
  if (callsInFlight === 0) return Promise.resolve()
  return new Promise((resolve) => idleWaiters.push(resolve))
}

/** Calls the API with the simulator's headers and checks the answer against the contract. */
export async function apiTimed<S extends z.ZodType>(
  path: string,
  loadSchema: SchemaLoader<S>,
  options: RequestOptions = {},
): Promise<Timed<z.output<S>>> {
  callsInFlight += 1
  try {
    return await callApi(path, loadSchema, options)
  } finally {
    callsInFlight -= 1
    if (callsInFlight === 0) for (const wake of idleWaiters.splice(0)) wake()
  }
}

async function callApi<S extends z.ZodType>(
  path: string,
  loadSchema: SchemaLoader<S>,
  options: RequestOptions,
): Promise<Timed<z.output<S>>> {
  const schema = loadOrFail(loadSchema)
  // Don't let an early failure of the schema's load go unhandled while the request runs.
  schema.catch(() => undefined)
  const headers: Record<string, string> = { accept: 'application/json', ...simHeaders() }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (options.upload) headers['content-type'] = options.upload.type
  if (options.idempotencyKey) headers[IDEMPOTENCY_HEADER] = options.idempotencyKey
  // The test API (and the console's decrypted payloads) want the token from a phone beyond loopback
  // (the start URL's `?token=`).
  if (path.startsWith('/__test') || path.startsWith('/console')) {
    const token = testToken()
    if (token) headers[TEST_TOKEN_HEADER] = token
  }
  const sentAt = Date.now()
  let res: Response
  try {
    res = await (options.early ??
      fetch(`/api${path}`, {
        method: options.method ?? 'GET',
        headers,
        body: options.upload ?? (options.body === undefined ? null : JSON.stringify(options.body)),
        signal: options.signal ?? null,
      }))
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError({ code: 'NETWORK_ERROR', message: String(cause), status: 0 })
  }
  const receivedAt = Date.now()
  // Every answer of a world says its clock: a countdown is right from the first answer on.
  const worldNow = res.headers.get(SIM_NOW_HEADER)
  if (worldNow) useServerClock.getState().learn(worldNow, sentAt, receivedAt)
  if (!res.ok) throw await toApiError(res)
  const parsed = (await schema).safeParse(await readJson(res))
  if (!parsed.success) {
    throw new ApiError({ code: 'BAD_RESPONSE', message: parsed.error.message, status: res.status })
  }
  return { value: parsed.data, status: res.status, sentAt, receivedAt }
}

export async function api<S extends z.ZodType>(
  path: string,
  loadSchema: SchemaLoader<S>,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  return (await apiTimed(path, loadSchema, options)).value
}
