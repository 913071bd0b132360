import type { Context } from 'hono'
import {
  CHAT_CONTACTS,
  CONTACT_OF_PERSONA,
  CONTACTS_OF,
  hasContact,
} from '../../contract/chat-contacts.ts'
import type { ChatContactId } from '../../contract/chat-contacts.ts'
import { CHAT_IMAGE_MAX_BYTES, CHAT_IMAGE_TYPES } from '../../contract/chat-limits.ts'
import type { ApiError } from '../../contract/errors.ts'
import type { PersonaId } from '../../contract/sim.ts'
import type { AppDeps, AppEnv } from '../http/env.ts'
import { fail } from '../http/respond.ts'
import type { RouteHandlers } from '../http/route-table.ts'
import { seenBy, viewOf } from './chat-view.ts'
import { sniffImage } from './image-sniff.ts'
import { chatStream } from './stream.ts'

type ChatRoute = 'chat' | 'sendChatMessage' | 'sendChatImage' | 'chatImage' | 'chatEvents'

const IMAGE_ID = /^[A-Za-z0-9_-]{22}$/

function notYourContact(persona: PersonaId, to: ChatContactId): ApiError | null {
  if (hasContact(persona, to)) return null
  return {
    code: 'NOT_FOUND',
    message: `${CHAT_CONTACTS[to].name.en} (${to}) is not among ${persona}'s WeChat contacts: ${CONTACTS_OF[persona].join(', ')}`,
  }
}

const unsupported = (message: string): ApiError => ({ code: 'UNSUPPORTED_MEDIA_TYPE', message })

/** The image of an upload: its bytes within the cap, a PNG or JPEG by its first bytes and its type. */
async function readImage(c: Context<AppEnv>) {
  const declared = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (!(CHAT_IMAGE_TYPES as readonly string[]).includes(declared)) {
    return unsupported(
      `send the image as image/png or image/jpeg, not ${declared.slice(0, 60) || 'nothing'}`,
    )
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer())
  if (bytes.length > CHAT_IMAGE_MAX_BYTES) {
    return {
      code: 'PAYLOAD_TOO_LARGE' as const,
      message: `an image is at most ${CHAT_IMAGE_MAX_BYTES} bytes (2 MiB); this one is ${bytes.length}`,
    }
  }
  if (bytes.length === 0) return unsupported('the body is empty: send the image itself')
  const image = sniffImage(bytes)
  if (!image) return unsupported('this is not a PNG or a JPEG (by its first bytes)')
  if (image.type !== declared) {
    return unsupported(`the body is ${image.type}, but Content-Type says ${declared}`)
  }
  return { ...image, bytes }
}

/** The WeChat chats of docs/chats.md, in the caller's world, as the caller's persona. */
export function chatHandlers(deps: AppDeps): RouteHandlers<ChatRoute> {
  return {
    chat: (c) => {
      const { chat } = c.get('world')
      const { persona } = c.get('who')
      const messages = chat
        .messages()
        .filter((m) => seenBy(m, persona))
        .map((m) => viewOf(m, persona, chat.imageKept))
      return c.json({
        persona,
        me: CONTACT_OF_PERSONA[persona],
        contacts: [...CONTACTS_OF[persona]],
        messages,
        last: chat.last,
      })
    },
    sendChatMessage: (c, { body }) => {
      const { chat, store } = c.get('world')
      const { persona } = c.get('who')
      const refused = notYourContact(persona, body.to)
      if (refused) return fail(c, refused)
      const message = chat.post({ ...body, from: persona }, store.now())
      return c.json(viewOf(message, persona, chat.imageKept), 201)
    },
    sendChatImage: async (c, { query }) => {
      const { chat, store } = c.get('world')
      const { persona } = c.get('who')
      const refused = notYourContact(persona, query.to)
      if (refused) return fail(c, refused)
      const image = await readImage(c)
      if ('code' in image) return fail(c, image)
      const imageId = chat.putImage(image.type, image.bytes)
      const message = chat.post(
        {
          kind: 'image',
          from: persona,
          to: query.to,
          imageId,
          type: image.type,
          width: image.width,
          height: image.height,
          bytes: image.bytes.length,
        },
        store.now(),
      )
      return c.json(viewOf(message, persona, chat.imageKept), 201)
    },
    chatImage: (c, { params }) => {
      const { chat } = c.get('world')
      const found = IMAGE_ID.test(params.imageId) ? chat.image(params.imageId) : null
      const stored = found
        ? chat.messages().find((m) => m.kind === 'image' && m.imageId === params.imageId)
        : undefined
      if (!found || stored?.kind !== 'image') {
        return fail(c, {
          code: 'NOT_FOUND',
          message: 'no such image in this world (or it has expired)',
        })
      }
      return c.body(new Uint8Array(found), 200, {
        'content-type': stored.type,
        'content-length': String(found.length),
        // The id never names other bytes: a phone keeps it.
        'cache-control': 'private, max-age=86400, immutable',
        'x-content-type-options': 'nosniff',
      })
    },
    chatEvents: (c, { query }) => chatStream(deps, c, query.after),
  }
}
