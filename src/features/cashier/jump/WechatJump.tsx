import { useT } from '@/lib/i18n/i18n.ts'
import { Spinner } from '@/ui/Spinner.tsx'
import './jump.css'

/** 微信支付 (era launch): a short "正在打开微信…", then WeChat's own pay sheet takes the phone (flow.ts). */
export function WechatJump() {
  const { t } = useT()
  return (
    <div className="wx-jump" role="status" aria-live="polite" data-testid="wechat-jump">
      <span className="wx-jump__mark" aria-hidden="true" />
      <Spinner />
      <p>{t('jump.opening')}</p>
    </div>
  )
}
