// The schemas of the WeChat chat routes (`/api/chat/…`, docs/chats.md), spread into ROUTE_SCHEMAS under
// the names of routes.ts.
import { z } from 'zod'
import {
  ChatEventsQuerySchema,
  ChatFrameSchema,
  ChatImageQuerySchema,
  ChatMessageSchema,
  ChatViewSchema,
  SendChatMessageBodySchema,
} from './chat.ts'
import type { ErrorCode } from './errors.ts'
import type { RouteSchema } from './route-schema.ts'
import type { RouteName } from './routes.ts'

const reads: readonly ErrorCode[] = ['PARAM_ERROR', 'WORLD_NOT_FOUND']

export const CHAT_ROUTE_SCHEMAS = {
  chat: {
    summary: "The persona's WeChat: contacts, and every message they sent or got in this world",
    tag: 'chat',
    answer: { status: 200, schema: ChatViewSchema },
    errors: reads,
  },
  sendChatMessage: {
    summary: 'Send a text or a link card to one of your contacts (their phone sees it live)',
    tag: 'chat',
    body: SendChatMessageBodySchema,
    answer: { status: 201, schema: ChatMessageSchema },
    errors: [...reads, 'NOT_FOUND', 'STORAGE_UNAVAILABLE'],
  },
  sendChatImage: {
    summary:
      'Send an image: the body is a PNG or JPEG (Content-Type image/png or image/jpeg), at most 2 MiB',
    tag: 'chat',
    query: ChatImageQuerySchema,
    upload: ['image/png', 'image/jpeg'],
    answer: { status: 201, schema: ChatMessageSchema },
    errors: [...reads, 'NOT_FOUND', 'UNSUPPORTED_MEDIA_TYPE', 'STORAGE_UNAVAILABLE'],
  },
  chatImage: {
    summary: "An image of the world's chats, as sent (the id is the key)",
    tag: 'chat',
    answer: { status: 200, schema: z.string(), contentType: 'image/png' },
    errors: [...reads, 'NOT_FOUND'],
  },
  chatEvents: {
    summary:
      "The persona's messages, live (SSE `event: message` / `event: cleared`, `id:` the seq; Last-Event-ID replays)",
    tag: 'chat',
    query: ChatEventsQuerySchema,
    answer: 'sse',
    events: ChatFrameSchema,
    errors: [...reads, 'TOO_MANY_STREAMS'],
  },
} as const satisfies Partial<Record<RouteName, RouteSchema>>
