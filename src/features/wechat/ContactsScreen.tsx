import { useNavigate } from 'react-router'
import { wechatChatPath } from '@/contract/paths.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Avatar } from './Avatar.tsx'
import { Cell } from './Cell.tsx'
import { contactName } from './contact-name.ts'
import { useSettings } from '@/lib/settings.ts'
import { contactsOf } from './contacts.ts'
import { TabBar } from './TabBar.tsx'
import { WxHeader } from './WxHeader.tsx'
import { IconUserAdd } from './wx-icons.tsx'

/** 通讯录. */
export function ContactsScreen() {
  const { t, lang } = useT()
  const navigate = useNavigate()
  const contacts = contactsOf(useSettings((s) => s.persona))
  return (
    <div className="wx">
      <WxHeader title={t('wechat.tabs.contacts')} />
      <main className="wx-main">
        <div className="wx-group">
          <Cell
            icon={<IconUserAdd size={18} />}
            iconColor="#FA9D3B"
            title={t('wechat.contacts.newFriends')}
          />
          <Cell
            icon={<IconUserAdd size={18} />}
            iconColor="#07C160"
            title={t('wechat.contacts.groups')}
          />
          <Cell
            icon={<IconUserAdd size={18} />}
            iconColor="#2782D7"
            title={t('wechat.contacts.official')}
          />
        </div>
        <div className="wx-group">
          {contacts.map((c) => (
            <button
              key={c.id}
              type="button"
              className="wx-cell"
              onClick={() => void navigate(wechatChatPath(c.id))}
            >
              <Avatar contact={c} small />
              <span className="wx-cell__body">
                <span className="wx-cell__title">{contactName(c, lang)}</span>
              </span>
            </button>
          ))}
        </div>
        <p className="wx-empty">{t('wechat.contacts.count', { n: contacts.length })}</p>
      </main>
      <TabBar active="contacts" />
    </div>
  )
}
