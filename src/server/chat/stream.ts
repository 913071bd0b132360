import type { Context } from 'hono'
import type { AppDeps, AppEnv } from '../http/env.ts'
import { cursorOf, seqStream } from '../http/seq-stream.ts'
import type { ChatFrame } from './chat-log.ts'
import { seenBy, viewOf } from './chat-view.ts'

/**
 * `GET /api/chat/events`: the caller's persona's messages (sent or got) as Server-Sent Events,
 * `event: message` with the message as their phone shows it, `event: cleared` when the world was reset;
 * `id:` the seq, so a reconnect with Last-Event-ID gets exactly what it missed. Capped and ended as the
 * console's stream (http/seq-stream.ts); deleting the world ends it.
 */
export function chatStream(deps: AppDeps, c: Context<AppEnv>, after: number | undefined) {
  const world = c.get('world')
  const { persona } = c.get('who')
  const chat = world.chat
  return seqStream<ChatFrame>(deps, c, cursorOf(c, after), {
    key: `${world.id}/chat/${persona}`,
    subscribe: (push, end) => chat.subscribe(push, end),
    backlog: (cursor) => chat.since(cursor),
    seqOf: (frame) => frame.seq,
    frame: (frame) => {
      if ('cleared' in frame) return { event: 'cleared', data: JSON.stringify({ seq: frame.seq }) }
      if (!seenBy(frame.message, persona)) return null
      return {
        event: 'message',
        data: JSON.stringify(viewOf(frame.message, persona, chat.imageKept)),
      }
    },
  })
}
