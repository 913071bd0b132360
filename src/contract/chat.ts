// The world's WeChat chats (docs/chats.md): messages between personas' phones, text, links, images.
import { z } from 'zod'
import { CHAT_CONTACT_IDS } from './chat-contacts.ts'
import { CHAT_IMAGE_TYPES, CHAT_TEXT_MAX } from './chat-limits.ts'
import { PersonaIdSchema } from './sim.ts'

export const ChatContactIdSchema = z.enum(CHAT_CONTACT_IDS)

const LinkUrlSchema = z
  .string()
  .max(2048)
  .regex(/^https?:\/\/[^\s]+$/, 'an http(s) URL')

/** `POST /api/chat/messages`: a text or a link card, to one of the sender's contacts. */
export const SendChatMessageBodySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    to: ChatContactIdSchema,
    kind: z.literal('text'),
    text: z.string().trim().min(1).max(CHAT_TEXT_MAX),
  }),
  z.strictObject({
    to: ChatContactIdSchema,
    kind: z.literal('link'),
    url: LinkUrlSchema,
    /** The card's title (e.g. 帮我付一下). */
    title: z.string().trim().min(1).max(60),
    /** The card's line under the title (the shopper's message). */
    text: z.string().trim().max(200).default(''),
  }),
])
export type SendChatMessageBody = z.input<typeof SendChatMessageBodySchema>

/** `POST /api/chat/images?to=`: the body is the image itself (image/png or image/jpeg). */
export const ChatImageQuerySchema = z.strictObject({ to: ChatContactIdSchema })

/** `GET /api/chat/events?after=`: where the stream starts (Last-Event-ID wins). */
export const ChatEventsQuerySchema = z.object({
  after: z.coerce.number().int().nonnegative().optional(),
})

const MessageBase = z.object({
  /** Grows within the world (a reset empties the chats but does not number them again). */
  seq: z.number().int().positive(),
  id: z.string(),
  /** On the world's clock. */
  sentAt: z.iso.datetime(),
  from: PersonaIdSchema,
  to: ChatContactIdSchema,
  /** The chat it belongs to on the asking persona's phone: the other party. */
  chat: ChatContactIdSchema,
  /** The asking persona sent it. */
  mine: z.boolean(),
})

export const ChatMessageSchema = z.discriminatedUnion('kind', [
  MessageBase.extend({ kind: z.literal('text'), text: z.string() }),
  MessageBase.extend({
    kind: z.literal('link'),
    url: z.string(),
    title: z.string(),
    text: z.string(),
  }),
  MessageBase.extend({
    kind: z.literal('image'),
    imageId: z.string(),
    type: z.enum(CHAT_IMAGE_TYPES),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    bytes: z.number().int().positive(),
    /** Removed to keep the world's images under their cap: WeChat's 图片已过期. */
    expired: z.boolean(),
  }),
])
export type ChatMessage = z.infer<typeof ChatMessageSchema>

/** `GET /api/chat`: the asking persona's WeChat: who they have, and every message they sent or got. */
export const ChatViewSchema = z.object({
  persona: PersonaIdSchema,
  /** The persona's own contact (how the others see them). */
  me: ChatContactIdSchema,
  contacts: z.array(ChatContactIdSchema),
  messages: z.array(ChatMessageSchema),
  /** The world's last seq: the stream goes on from here. */
  last: z.number().int().nonnegative(),
})
export type ChatView = z.infer<typeof ChatViewSchema>

/** The stream's `event: cleared` frame: the world was reset, every chat is empty. */
export const ChatClearedSchema = z.object({ seq: z.number().int().positive() })

/** Either frame of `GET /api/chat/events`: `event: message` or `event: cleared`. */
export const ChatFrameSchema = z.union([ChatMessageSchema, ChatClearedSchema])
