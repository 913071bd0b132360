import { useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import type { ChatMessage } from '@/contract/chat.ts'
import { FILE_HELPER, type ChatContactId } from '@/contract/chat-contacts.ts'
import { SHARE_PARAM, wechatChatPath, wechatPath } from '@/contract/paths.ts'
import { sendChatMessage } from '@/lib/api/chat.ts'
import { serverNow } from '@/lib/clock.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useSettings } from '@/lib/settings.ts'
import { showToast } from '@/lib/toast.ts'
import { Avatar } from './Avatar.tsx'
import { addMessages, reloadChats, unreadOf, useChatFeed, useChatReads } from './chat-store.ts'
import { chatTime } from './chat-time.ts'
import { contactName, greetingOf } from './contact-name.ts'
import { contactsOf } from './contacts.ts'
import { shareMessage } from './share-message.ts'
import { TabBar } from './TabBar.tsx'
import { WxHeader } from './WxHeader.tsx'
import {
  IconChatAdd,
  IconPayCode,
  IconPlusCircle,
  IconScan,
  IconSearch,
  IconUserAdd,
} from './wx-icons.tsx'

/** 微信: the chat list (the world's messages, live), and the + menu with 扫一扫. */
export function ChatsScreen() {
  const { t, lang } = useT()
  const navigate = useNavigate()
  const persona = useSettings((s) => s.persona)
  const { messages, status, owner } = useChatFeed()
  const read = useChatReads((s) => s.read)
  const [menu, setMenu] = useState(false)
  const [sending, setSending] = useState<ChatContactId | null>(null)
  const [now] = useState(() => serverNow())
  // `?share=`: another app (Taobao's 找朋友帮忙付) hands over a text to send: pick the chat it goes to.
  const [params] = useSearchParams()
  const share = params.get(SHARE_PARAM)?.slice(0, 1000) ?? null

  async function open(chatId: ChatContactId) {
    if (share) {
      if (sending) return
      setSending(chatId)
      try {
        addMessages([await sendChatMessage(shareMessage(share, chatId, t('wechat.chat.payForMe')))])
      } catch (error) {
        setSending(null)
        showToast(t('wechat.chat.sendFailed', { reason: errorText(t, lang, error) }))
        return
      }
    }
    void navigate(wechatChatPath(chatId), { replace: share !== null })
  }

  function preview(last: ChatMessage): string {
    if (last.kind === 'image') return t('wechat.chat.imagePreview')
    if (last.kind === 'link') return t('wechat.chat.linkPreview', { title: last.title })
    return last.text
  }

  const rows = contactsOf(persona)
    .map((contact) => {
      const last = messages.findLast((m) => m.chat === contact.id)
      const greeting = greetingOf(contact, lang)
      const greetingAt = contact.greeting ? now - contact.greeting.agoMin * 60_000 : null
      return {
        contact,
        text: last ? preview(last) : (greeting ?? ''),
        at: last ? Date.parse(last.sentAt) : greetingAt,
        unread: unreadOf(messages, read, owner, contact.id),
      }
    })
    // As WeChat: the chats that have something in them (and 文件传输助手); picking a chat for a share
    // lists every contact.
    .filter((row) => share !== null || row.at !== null || row.contact.id === FILE_HELPER)
    .sort((a, b) => (b.at ?? 0) - (a.at ?? 0))

  return (
    <div className="wx">
      <WxHeader
        title={t('wechat.appName')}
        right={
          <button
            type="button"
            className="wx-header__btn"
            aria-label={t('wechat.menu.open')}
            aria-expanded={menu}
            data-testid="wechat-more"
            onClick={() => setMenu((v) => !v)}
          >
            <IconPlusCircle size={24} />
          </button>
        }
      />
      {menu && (
        <>
          <button
            type="button"
            className="wx-menu-scrim"
            aria-label={t('common.close')}
            onClick={() => setMenu(false)}
          />
          <div className="wx-menu" role="menu">
            <button type="button" role="menuitem" onClick={() => setMenu(false)}>
              <IconChatAdd /> {t('wechat.menu.groupChat')}
            </button>
            <button type="button" role="menuitem" onClick={() => setMenu(false)}>
              <IconUserAdd /> {t('wechat.menu.addFriend')}
            </button>
            <button
              type="button"
              role="menuitem"
              data-testid="wechat-menu-scan"
              onClick={() => void navigate(wechatPath('scan'))}
            >
              <IconScan /> {t('wechat.scan.title')}
            </button>
            <button
              type="button"
              role="menuitem"
              onClick={() => void navigate(wechatPath('services'))}
            >
              <IconPayCode /> {t('wechat.menu.payCode')}
            </button>
          </div>
        </>
      )}
      <main className="wx-main">
        {share && (
          <div className="wx-share" role="status" data-testid="wechat-share-pick">
            <span>{sending ? t('wechat.chat.sending') : t('wechat.chat.pickChat')}</span>
            <button type="button" onClick={() => void navigate(wechatPath(), { replace: true })}>
              {t('wechat.chat.cancelShare')}
            </button>
          </div>
        )}
        <div className="wx-search" aria-hidden="true">
          <IconSearch size={18} /> {t('wechat.search')}
        </div>
        {status === 'failed' && (
          <p className="wx-chats-problem" role="alert">
            {t('wechat.chat.loadFailed')}{' '}
            <button type="button" onClick={reloadChats}>
              {t('wechat.chat.retry')}
            </button>
          </p>
        )}
        <ul
          className="wx-list"
          aria-label={t('wechat.tabs.chats')}
          aria-busy={status === 'loading'}
          data-testid="wechat-chat-list"
        >
          {rows.map(({ contact, text, at, unread }) => (
            <li key={contact.id}>
              <button
                type="button"
                className="wx-chat-row"
                data-testid="wechat-chat-row"
                data-chat={contact.id}
                data-unread={unread}
                disabled={sending !== null}
                aria-busy={sending === contact.id}
                onClick={() => void open(contact.id)}
              >
                <span className="wx-chat-row__avatar">
                  <Avatar contact={contact} />
                  {unread > 0 && (
                    <span className="wx-unread" data-testid="wechat-unread">
                      {unread > 99 ? '…' : unread}
                    </span>
                  )}
                </span>
                <span className="wx-chat-row__body">
                  <span className="wx-chat-row__name">{contactName(contact, lang)}</span>
                  <span className="wx-chat-row__time">
                    {at !== null ? chatTime(at, now, lang, t('wechat.yesterday')) : ''}
                  </span>
                  <span className="wx-chat-row__last">
                    {unread > 0 && (
                      <span className="visually-hidden">
                        {t('wechat.chat.unread', { n: unread })}
                      </span>
                    )}
                    {text}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </main>
      <TabBar active="chats" />
    </div>
  )
}
