import { useNavigate } from 'react-router'
import { wechatPath } from '@/contract/paths.ts'
import { useT } from '@/lib/i18n/i18n.ts'
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
