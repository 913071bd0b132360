import { useT } from '@/lib/i18n/i18n.ts'
import { useLongPress } from './useLongPress.ts'

const THUMB_MAX = 180
const THUMB_MIN = 60

interface ImageBubbleProps {
  src: string
  width: number
  height: number
  onOpen: () => void
  onLongPress: () => void
}

/** An image in a chat: a tap opens it, a long press offers its actions. */
export function ImageBubble({ src, width, height, onOpen, onLongPress }: ImageBubbleProps) {
  const { t } = useT()
  const press = useLongPress(onLongPress, onOpen)
  // WeChat's thumbnails: the longer side at most 180 px, the shorter at least 60.
  const scale = Math.min(1, THUMB_MAX / Math.max(width, height))
  const shown = Math.max(THUMB_MIN, Math.round(width * scale))
  return (
    <button
      type="button"
      className="wx-msg__image"
      aria-label={t('wechat.chat.image')}
      style={{ aspectRatio: `${width} / ${height}`, width: `${shown}px` }}
      {...press}
    >
      <img src={src} alt="" width={width} height={height} draggable={false} />
    </button>
  )
}

/** An image the world no longer keeps: WeChat's grey 图片已过期. */
export function ExpiredImage() {
  const { t } = useT()
  return <div className="wx-msg__expired">{t('wechat.chat.imageExpired')}</div>
}
