import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { ChatMessage, ChatView } from '@/contract/chat.ts'
import type { ChatContactId } from '@/contract/chat-contacts.ts'
import { deviceKey } from '@/lib/device.ts'

/**
 * The world's chats as this phone's persona sees them (docs/chats.md): loaded from the server and kept
 * live by its stream (useChatFeed.ts). The phone keeps nothing of them but what it has read.
 */
interface ChatFeed {
  status: 'loading' | 'ready' | 'failed'
  /** Whose chats these are: `world/persona` (another one loads afresh). */
  owner: string | null
  me: ChatContactId | null
  contacts: readonly ChatContactId[]
  /** Oldest first, each seq once. */
  messages: readonly ChatMessage[]
  /** Bumped by 重试: the feed loads again. */
  attempt: number
}

export const useChatFeed = create<ChatFeed>()(() => ({
  status: 'loading',
  owner: null,
  me: null,
  contacts: [],
  messages: [],
  attempt: 0,
}))

/** 重试 after a failed load. */
export function reloadChats(): void {
  useChatFeed.setState((s) => ({ status: 'loading', attempt: s.attempt + 1 }))
}

/** Adds messages (from an answer or the stream), each seq once, in seq order. */
export function addMessages(messages: readonly ChatMessage[]): void {
  useChatFeed.setState((s) => {
    const seen = new Set(s.messages.map((m) => m.seq))
    const added = messages.filter((m) => !seen.has(m.seq))
    if (added.length === 0) return s
    return { messages: [...s.messages, ...added].sort((a, b) => a.seq - b.seq) }
  })
}

export function loadedChat(owner: string, view: ChatView): void {
  useChatFeed.setState({
    status: 'ready',
    owner,
    me: view.me,
    contacts: view.contacts,
    messages: view.messages,
  })
}

/** The world was reset: every chat is empty. */
export function clearedChats(): void {
  useChatFeed.setState({ messages: [] })
}

/** The messages of one chat, oldest first. */
export function messagesOf(messages: readonly ChatMessage[], chat: string): ChatMessage[] {
  return messages.filter((m) => m.chat === chat)
}

interface ChatReads {
  /** The last seq read, per `owner/chat`. */
  read: Record<string, number>
  markRead: (owner: string, chat: string, seq: number) => void
}

/** What this phone has read of each chat, across reloads (WeChat's unread badges are per phone). */
export const useChatReads = create<ChatReads>()(
  persist(
    (set) => ({
      read: {},
      markRead: (owner, chat, seq) =>
        set((s) => {
          const key = `${owner}/${chat}`
          return (s.read[key] ?? 0) >= seq ? s : { read: { ...s.read, [key]: seq } }
        }),
    }),
    { name: deviceKey('wechat-reads'), version: 1 },
  ),
)

/** Messages of `chat` from the other party that this phone has not read. */
export function unreadOf(
  messages: readonly ChatMessage[],
  read: Record<string, number>,
  owner: string | null,
  chat: string,
): number {
  const upTo = read[`${owner}/${chat}`] ?? 0
  return messages.filter((m) => m.chat === chat && !m.mine && m.seq > upTo).length
}
