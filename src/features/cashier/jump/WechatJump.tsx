import { useEffect, useRef } from 'react'
import { useT } from '@/lib/i18n/i18n.ts'
import { Spinner } from '@/ui/Spinner.tsx'
import { useJumpStore } from './jump-store.ts'
import './jump.css'

/** The hand-over feels like one: "正在打开微信…" stays up this long. */
const JUMP_MS = 700

interface WechatJumpProps {
  orderId: string
  paymentId: string
  payToken: string
  /** Opens WeChat's pay sheet on this phone (`/wechat/pay?pr=…&from=taobao`). */
  onOpenWechat: (path: string) => void
}

/** 微信支付 (era launch): a short "正在打开微信…", then WeChat's own pay sheet takes the phone. */
export function WechatJump({ orderId, paymentId, payToken, onOpenWechat }: WechatJumpProps) {
  const { t } = useT()
  const open = useRef(onOpenWechat)
  useEffect(() => {
    open.current = onOpenWechat
  })
  useEffect(() => {
    const timer = setTimeout(() => {
      useJumpStore.getState().jumped(orderId, paymentId)
      open.current(`/wechat/pay?pr=${encodeURIComponent(payToken)}&from=taobao`)
    }, JUMP_MS)
    return () => clearTimeout(timer)
  }, [orderId, paymentId, payToken])
  return (
    <div className="wx-jump" role="status" aria-live="polite" data-testid="wechat-jump">
      <span className="wx-jump__mark" aria-hidden="true" />
      <Spinner />
      <p>{t('jump.opening')}</p>
    </div>
  )
}
