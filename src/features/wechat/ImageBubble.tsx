import { useT } from '@/lib/i18n/i18n.ts'
import { PhotoImg } from '@/ui/PhotoImg.tsx'
import { useLongPress } from './useLongPress.ts'

interface ImageBubbleProps {
  photoId: string
  width: number
  height: number
  onOpen: () => void
  onLongPress: () => void
}

/** An image in a chat: a tap opens it, a long press offers its actions. */
export function ImageBubble({ photoId, width, height, onOpen, onLongPress }: ImageBubbleProps) {
  const { t } = useT()
  const press = useLongPress(onLongPress, onOpen)
  return (
    <button
      type="button"
      className="wx-msg__image"
      aria-label={t('wechat.chat.image')}
      style={{ aspectRatio: `${width} / ${height}` }}
      {...press}
    >
      <PhotoImg missingClassName="wx-photo-missing" photoId={photoId} alt="" />
    </button>
  )
}
