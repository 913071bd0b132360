import { useNavigate } from 'react-router'
import { WECHAT_HOME } from '@/contract/paths.ts'
import { WechatApp } from '@/features/wechat/WechatApp.tsx'
import { usePhoneStore } from '../phone/phone-store.ts'

/** Joins the simulated WeChat to the phone: a pay sheet that Taobao jumped to returns to Taobao. */
export function WechatRoute() {
  const navigate = useNavigate()
  return (
    <WechatApp
      onLeavePay={(jumped) => {
        if (!jumped) return void navigate(WECHAT_HOME, { replace: true })
        // The sheet is done with: WeChat, switched to later, opens on its chats, not on a spent sheet.
        const phone = usePhoneStore.getState()
        void navigate(phone.last.taobao)
        phone.remember('wechat', WECHAT_HOME)
      }}
    />
  )
}
