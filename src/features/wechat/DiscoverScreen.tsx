import { useNavigate } from 'react-router'
import { wechatPath } from '@/contract/paths.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Cell } from './Cell.tsx'
import { TabBar } from './TabBar.tsx'
import { WxHeader } from './WxHeader.tsx'
import { IconScan, IconSearch, IconSmile } from './wx-icons.tsx'

/** 发现: 朋友圈, 扫一扫, …. */
export function DiscoverScreen() {
  const { t } = useT()
  const navigate = useNavigate()
  return (
    <div className="wx">
      <WxHeader title={t('wechat.tabs.discover')} />
      <main className="wx-main">
        <div className="wx-group">
          <Cell
            icon={<IconSmile size={18} />}
            iconColor="#F6A623"
            title={t('wechat.discover.moments')}
          />
        </div>
        <div className="wx-group">
          <Cell
            icon={<IconScan size={18} />}
            iconColor="#2782D7"
            title={t('wechat.scan.title')}
            onClick={() => void navigate(wechatPath('scan'))}
          />
        </div>
        <div className="wx-group">
          <Cell
            icon={<IconSearch size={18} />}
            iconColor="#F6C544"
            title={t('wechat.discover.search')}
          />
          <Cell
            icon={<IconSmile size={18} />}
            iconColor="#7D5CF0"
            title={t('wechat.discover.miniPrograms')}
          />
        </div>
      </main>
      <TabBar active="discover" />
    </div>
  )
}
