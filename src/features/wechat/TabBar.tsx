import { useNavigate } from 'react-router'
import { wechatPath } from '@/contract/paths.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useChatFeed, useChatReads } from './chat-store.ts'
import { TabIcon } from './wx-icons.tsx'

export type WxTab = 'chats' | 'contacts' | 'discover' | 'me'

const TABS: readonly { tab: WxTab; path: string }[] = [
  { tab: 'chats', path: wechatPath() },
  { tab: 'contacts', path: wechatPath('contacts') },
  { tab: 'discover', path: wechatPath('discover') },
  { tab: 'me', path: wechatPath('me') },
]

/** 微信 · 通讯录 · 发现 · 我. */
export function TabBar({ active }: { active: WxTab }) {
  const { t } = useT()
  const navigate = useNavigate()
  const unread = useUnreadTotal()
  return (
    <nav className="wx-tabs" aria-label={t('wechat.appName')}>
      {TABS.map(({ tab, path }) => (
        <button
          key={tab}
          type="button"
          className="wx-tab"
          aria-current={tab === active ? 'page' : undefined}
          onClick={() => tab !== active && void navigate(path, { replace: true })}
        >
          <span className="wx-tab__icon">
            <TabIcon tab={tab} on={tab === active} />
            {tab === 'chats' && unread > 0 && (
              <span className="wx-unread wx-unread--tab" data-testid="wechat-unread-total">
                {unread > 99 ? '…' : unread}
              </span>
            )}
          </span>
          <span>{t(`wechat.tabs.${tab}`)}</span>
          {tab === 'chats' && unread > 0 && (
            <span className="visually-hidden">{t('wechat.chat.unread', { n: unread })}</span>
          )}
        </button>
      ))}
    </nav>
  )
}

/** Messages from others this phone has not read, all chats together. */
function useUnreadTotal(): number {
  const messages = useChatFeed((s) => s.messages)
  const owner = useChatFeed((s) => s.owner)
  const read = useChatReads((s) => s.read)
  return messages.filter((m) => !m.mine && m.seq > (read[`${owner}/${m.chat}`] ?? 0)).length
}
