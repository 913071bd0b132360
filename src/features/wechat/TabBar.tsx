import { useNavigate } from 'react-router'
import { useT } from '@/lib/i18n/i18n.ts'
import { TabIcon } from './wx-icons.tsx'

export type WxTab = 'chats' | 'contacts' | 'discover' | 'me'

const TABS: readonly { tab: WxTab; path: string }[] = [
  { tab: 'chats', path: '/wechat' },
  { tab: 'contacts', path: '/wechat/contacts' },
  { tab: 'discover', path: '/wechat/discover' },
  { tab: 'me', path: '/wechat/me' },
]

/** 微信 · 通讯录 · 发现 · 我. */
export function TabBar({ active }: { active: WxTab }) {
  const { t } = useT()
  const navigate = useNavigate()
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
          <TabIcon tab={tab} on={tab === active} />
          <span>{t(`wechat.tabs.${tab}`)}</span>
        </button>
      ))}
    </nav>
  )
}
