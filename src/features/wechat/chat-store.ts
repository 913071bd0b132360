import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { deviceKey } from '@/lib/device.ts'

/** A message this phone sent (friends don't answer in the simulation). */
export type ChatMessage =
  | { id: string; at: number; kind: 'text'; text: string }
  | { id: string; at: number; kind: 'image'; photoId: string; width: number; height: number }

type NewMessage =
  { kind: 'text'; text: string } | { kind: 'image'; photoId: string; width: number; height: number }

interface ChatStore {
  chats: Record<string, ChatMessage[]>
  send: (chatId: string, message: NewMessage) => void
}

let serial = 0
function messageId(): string {
  serial += 1
  return `${Date.now().toString(36)}-${serial}`
}

/** The chats of the simulated WeChat, per device, across reloads. Images are album photos, by id. */
export const useChatStore = create<ChatStore>()(
  persist(
    (set) => ({
      chats: {},
      send: (chatId, message) =>
        set((s) => ({
          chats: {
            ...s.chats,
            [chatId]: [...(s.chats[chatId] ?? []), { ...message, id: messageId(), at: Date.now() }],
          },
        })),
    }),
    { name: deviceKey('wechat-chats'), version: 1 },
  ),
)
