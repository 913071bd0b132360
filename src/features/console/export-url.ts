import { TEST_TOKEN_QUERY, WORLD_QUERY } from '@/contract/headers.ts'
import { routePath } from '@/contract/routes.ts'
import { testToken } from '@/lib/settings.ts'

/** A download link carries no headers: the world (and a token, for the decrypted payloads) go in the query. */
export function exportUrl(format: 'ndjson' | 'har', world: string | null): string {
  const query = new URLSearchParams()
  if (world) query.set(WORLD_QUERY, world)
  const token = testToken()
  if (token) query.set(TEST_TOKEN_QUERY, token)
  const path = routePath(format === 'ndjson' ? 'consoleExportNdjson' : 'consoleExportHar', {})
  const qs = query.toString()
  return `/api${path}${qs ? `?${qs}` : ''}`
}
