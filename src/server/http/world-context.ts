import type { Context } from 'hono'
import type { ApiError } from '../../contract/errors.ts'
import { DEFAULT_WORLD, WORLD_HEADER, WORLD_QUERY } from '../../contract/headers.ts'
import { isWorldId, worldOfToken } from '../worlds/world-ids.ts'
import type { World } from '../worlds/world.ts'
import type { Worlds } from '../worlds/worlds.ts'

/** Paths whose token names its world itself (a scanned code, a pay sheet, a pay-for-me link). */
const TOKEN_PATH = /^\/api\/(?:pay\/(?:sheets|friend-requests)|alipay\/trades)\/([^/?]+)/

function tokenOf(path: string): string | null {
  const match = TOKEN_PATH.exec(path)
  if (!match?.[1]) return null
  try {
    return decodeURIComponent(match[1])
  } catch {
    return null
  }
}

/**
 * The world a call acts in: the one its token names, else the `x-sim-world` header, else `?world=`
 * (event streams, shared links), else `default`. An id that was never made, has expired or is
 * malformed is WORLD_NOT_FOUND: nothing falls back to another world.
 */
export function resolveWorld(worlds: Worlds, c: Context): World | ApiError {
  const token = tokenOf(c.req.path)
  const named =
    (token && token.includes('.') ? worldOfToken(token) : null) ||
    c.req.header(WORLD_HEADER) ||
    (c.req.url.includes('?') ? c.req.query(WORLD_QUERY) : undefined) ||
    DEFAULT_WORLD
  const world = isWorldId(named) ? worlds.get(named) : undefined
  const unreadable = world ? undefined : worlds.unreadable(named)
  if (unreadable !== undefined) {
    return {
      code: 'STORAGE_UNAVAILABLE',
      message: `world ${named}'s journal cannot be read: ${unreadable}`,
    }
  }
  return (
    world ?? {
      code: 'WORLD_NOT_FOUND',
      message: `no world ${named.slice(0, 40)}: it was never created, has expired or was deleted`,
    }
  )
}
