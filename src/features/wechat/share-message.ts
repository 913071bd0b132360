import type { SendChatMessageBody } from '@/contract/chat.ts'
import type { ChatContactId } from '@/contract/chat-contacts.ts'
import { CHAT_TEXT_MAX } from '@/contract/chat-limits.ts'
import { friendLinkToken } from '@/contract/paths.ts'
import { splitLinks } from './pay-code.ts'

/**
 * What another app's share (`?share=`: Taobao's 找朋友帮忙付 hands over "message 代付链接：URL") sends into a
 * chat: a pay-for-me link becomes WeChat's link card (title, the message under it), anything else a text.
 */
export function shareMessage(share: string, to: ChatContactId, title: string): SendChatMessageBody {
  const runs = splitLinks(share)
  const at = runs.findIndex((run) => run.kind === 'link' && friendLinkToken(run.url) !== null)
  const link = runs[at]
  if (link?.kind !== 'link') return { to, kind: 'text', text: share.slice(0, CHAT_TEXT_MAX) }
  const before = runs
    .slice(0, at)
    .map((run) => (run.kind === 'text' ? run.text : run.url))
    .join('')
  // "…谢谢 代付链接：" → "…谢谢": the label before the URL is the card's, not the message's.
  const text = before
    .replace(/\s*[^\s:：]*[:：]\s*$/u, '')
    .trim()
    .slice(0, 200)
  return { to, kind: 'link', url: link.url, title, text }
}
