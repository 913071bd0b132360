/**
 * A failed call as a flow decides on it: its code and, for a password, the tries left or the lock. An
 * ApiError is one (it travels as is, so `errorText` still finds its words); anything else thrown becomes a
 * `CLIENT` failure. No imports: the flows' tests run in Node without the browser's API client.
 */
export interface Failure {
  readonly code: string
  readonly message?: string
  readonly triesLeft?: number | undefined
  readonly lockedUntil?: string | undefined
  /** ORDER_OF_OTHER_PERSONA: whose order it is. */
  readonly owner?: { readonly persona: string; readonly nickname: string } | undefined
}

export function failureOf(error: unknown): Failure {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error
    if (typeof code === 'string') return error as Failure
  }
  return { code: 'CLIENT', message: String(error) }
}
