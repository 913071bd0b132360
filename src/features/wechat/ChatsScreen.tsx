import { useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { SHARE_PARAM, wechatChatPath, wechatPath } from '@/contract/paths.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Avatar } from './Avatar.tsx'
import { useChatStore, type ChatMessage } from './chat-store.ts'
import { chatTime } from './chat-time.ts'
import { contactName, greetingOf } from './contact-name.ts'
import { CONTACTS } from './contacts.ts'
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

/** 微信: the chat list, and the + menu with 扫一扫. */
export function ChatsScreen() {
  const { t, lang } = useT()
  const navigate = useNavigate()
  const chats = useChatStore((s) => s.chats)
  const [menu, setMenu] = useState(false)
  const [now] = useState(() => Date.now())
  // `?share=`: another app (Taobao's 找朋友帮忙付) hands over a text to send: pick the chat it goes to.
  const [params] = useSearchParams()
  const share = params.get(SHARE_PARAM)?.slice(0, 500) ?? null

  function open(chatId: string) {
    if (share) useChatStore.getState().send(chatId, { kind: 'text', text: share })
    void navigate(wechatChatPath(chatId), { replace: share !== null })
  }

  function preview(last: ChatMessage): string {
    return last.kind === 'image' ? t('wechat.chat.imagePreview') : last.text
  }

  const rows = CONTACTS.map((c) => {
    const sent = chats[c.id] ?? []
    const last = sent[sent.length - 1]
    const greeting = greetingOf(c, lang)
    return {
      contact: c,
      text: last ? preview(last) : (greeting ?? ''),
      at: last ? last.at : greeting ? now - c.greetingAgoMin * 60_000 : null,
    }
  }).sort((a, b) => (b.at ?? 0) - (a.at ?? 0))

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
            <span>{t('wechat.chat.pickChat')}</span>
            <button type="button" onClick={() => void navigate(wechatPath(), { replace: true })}>
              {t('wechat.chat.cancelShare')}
            </button>
          </div>
        )}
        <div className="wx-search" aria-hidden="true">
          <IconSearch size={18} /> {t('wechat.search')}
        </div>
        <ul className="wx-list" aria-label={t('wechat.tabs.chats')}>
          {rows.map(({ contact, text, at }) => (
            <li key={contact.id}>
              <button type="button" className="wx-chat-row" onClick={() => open(contact.id)}>
                <Avatar contact={contact} />
                <span className="wx-chat-row__body">
                  <span className="wx-chat-row__name">{contactName(contact, lang)}</span>
                  <span className="wx-chat-row__time">
                    {at !== null ? chatTime(at, now, lang, t('wechat.yesterday')) : ''}
                  </span>
                  <span className="wx-chat-row__last">{text}</span>
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
