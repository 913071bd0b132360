import { useNavigate } from 'react-router'
import { wechatPath } from '@/contract/paths.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useSettings } from '@/lib/settings.ts'
import { Cell } from './Cell.tsx'
import { contactName } from './contact-name.ts'
import { profileOf } from './contacts.ts'
import { TabBar } from './TabBar.tsx'
import { IconImage, IconPayCode, IconSmile } from './wx-icons.tsx'

/** 我: the profile, then 服务 (where the wallet and the bills are). */
export function MeScreen() {
  const { t, lang } = useT()
  const navigate = useNavigate()
  const persona = useSettings((s) => s.persona)
  const profile = profileOf(persona)
  const name = contactName(profile, lang)
  return (
    <div className="wx">
      <main className="wx-main">
        <section className="wx-profile">
          <span className="wx-avatar wx-avatar--lg" aria-hidden="true">
            {name.slice(0, 1)}
          </span>
          <div>
            <h1 className="wx-profile__name">{name}</h1>
            <p className="wx-profile__id">
              {t('wechat.me.wxid')}
              {profile.wxid}
            </p>
          </div>
        </section>
        <div className="wx-group">
          <Cell
            icon={<IconPayCode size={18} />}
            iconColor="#07C160"
            title={t('wechat.me.services')}
            onClick={() => void navigate(wechatPath('services'))}
          />
        </div>
        <div className="wx-group">
          <Cell
            icon={<IconSmile size={18} />}
            iconColor="#F6A623"
            title={t('wechat.me.favorites')}
          />
          <Cell icon={<IconImage size={18} />} iconColor="#2782D7" title={t('wechat.me.album')} />
          <Cell
            icon={<IconSmile size={18} />}
            iconColor="#FA9D3B"
            title={t('wechat.me.stickers')}
          />
        </div>
        <div className="wx-group">
          <Cell
            icon={<IconSmile size={18} />}
            iconColor="#3D83E6"
            title={t('wechat.me.settings')}
          />
        </div>
      </main>
      <TabBar active="me" />
    </div>
  )
}
