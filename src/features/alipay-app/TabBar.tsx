import { useT } from '@/lib/i18n/i18n.ts'
import { TabIcon, type TabId } from './ali-icons.tsx'

const TABS: readonly TabId[] = ['home', 'wealth', 'video', 'messages', 'me']

/** 首页 · 理财 · 视频 · 消息 · 我的: only 首页 is simulated; the others say so. */
export function TabBar({ onOther }: { onOther: () => void }) {
  const { t } = useT()
  return (
    <nav className="ali-tabs" aria-label={t('alipayApp.appName')}>
      {TABS.map((tab) => (
        <button
          key={tab}
          type="button"
          className="ali-tab"
          aria-current={tab === 'home' ? 'page' : undefined}
          onClick={tab === 'home' ? undefined : onOther}
        >
          <TabIcon tab={tab} on={tab === 'home'} />
          <span>{t(`alipayApp.tabs.${tab}`)}</span>
        </button>
      ))}
    </nav>
  )
}
