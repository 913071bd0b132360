import { useEffect } from 'react'
import { ChatClearedSchema, ChatMessageSchema } from '@/contract/chat.ts'
import { chatEventsUrl, fetchChat } from '@/lib/api/chat.ts'
import { useSettings } from '@/lib/settings.ts'
import { addMessages, clearedChats, loadedChat, useChatFeed } from './chat-store.ts'

/**
 * While the simulated WeChat is open: the persona's chats from the server, then its stream from the last
 * seq (the browser's EventSource reconnects with Last-Event-ID by itself and gets what it missed).
 */
export function useChatStream(): void {
  const persona = useSettings((s) => s.persona)
  const world = useSettings((s) => s.world)
  const attempt = useChatFeed((s) => s.attempt)
  useEffect(() => {
    const owner = `${world ?? 'default'}/${persona}`
    const abort = new AbortController()
    let source: EventSource | null = null
    if (useChatFeed.getState().owner !== owner) {
      useChatFeed.setState({ status: 'loading', owner, messages: [], contacts: [], me: null })
    }
    void fetchChat(abort.signal).then(
      (view) => {
        if (abort.signal.aborted) return
        loadedChat(owner, view)
        source = new EventSource(chatEventsUrl(view.last))
        source.addEventListener('message', (event) => {
          const parsed = ChatMessageSchema.safeParse(JSON.parse(String(event.data)))
          if (parsed.success) addMessages([parsed.data])
        })
        source.addEventListener('cleared', (event) => {
          if (ChatClearedSchema.safeParse(JSON.parse(String(event.data))).success) clearedChats()
        })
      },
      () => {
        if (!abort.signal.aborted) useChatFeed.setState({ status: 'failed' })
      },
    )
    return () => {
      abort.abort()
      source?.close()
    }
  }, [persona, world, attempt])
}
