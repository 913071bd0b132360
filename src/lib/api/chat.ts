import type { ChatMessage, ChatView, SendChatMessageBody } from '@/contract/chat.ts'
import { WORLD_QUERY } from '@/contract/headers.ts'
import { API_BASE, routePath } from '@/contract/routes.ts'
import { useSettings } from '../settings.ts'
import { callRoute } from './call.ts'
import { api } from './client.ts'

/** The world's WeChat chats, as this phone's persona (docs/chats.md): /api/chat. */

export function fetchChat(signal?: AbortSignal): Promise<ChatView> {
  return callRoute('chat', { signal })
}

export function sendChatMessage(body: SendChatMessageBody): Promise<ChatMessage> {
  return callRoute('sendChatMessage', { body })
}

/** Sends an image (a PNG or JPEG of at most CHAT_IMAGE_MAX_BYTES) to `to`. */
export function sendChatImage(to: string, image: Blob): Promise<ChatMessage> {
  const path = `${routePath('sendChatImage', {})}?to=${encodeURIComponent(to)}`
  return api(path, async () => (await import('@/contract/chat.ts')).ChatMessageSchema, {
    method: 'POST',
    upload: image,
  })
}

function worldQuery(query: URLSearchParams): URLSearchParams {
  const { world } = useSettings.getState()
  if (world) query.set(WORLD_QUERY, world)
  return query
}

/** Where an image of the chats is (an <img> sends no headers: the world goes in the query). */
export function chatImageUrl(imageId: string): string {
  const query = worldQuery(new URLSearchParams()).toString()
  return `${API_BASE}${routePath('chatImage', { imageId })}${query ? `?${query}` : ''}`
}

/** The persona's live messages after `after` (EventSource sends no headers: who asks is the query). */
export function chatEventsUrl(after: number): string {
  const { persona, era } = useSettings.getState()
  const query = worldQuery(new URLSearchParams({ persona, era, after: String(after) }))
  return `${API_BASE}${routePath('chatEvents', {})}?${query.toString()}`
}
