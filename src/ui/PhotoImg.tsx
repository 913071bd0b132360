import { useEffect, useState } from 'react'
import { photoUrl } from '@/lib/album/album.ts'

interface PhotoImgProps {
  photoId: string
  alt: string
  className?: string
  /** The app's look of a photo that is not (or no longer) in the album. */
  missingClassName?: string
}

/** An album photo, loaded from the phone's storage (WeChat's chats and pickers, 支付宝's album). */
export function PhotoImg({ photoId, alt, className, missingClassName }: PhotoImgProps) {
  const [src, setSrc] = useState<{ id: string; url: string | null } | null>(null)
  useEffect(() => {
    let live = true
    void photoUrl(photoId).then((url) => live && setSrc({ id: photoId, url }))
    return () => {
      live = false
    }
  }, [photoId])
  const url = src?.id === photoId ? src.url : null
  return url ? (
    <img className={className} src={url} alt={alt} draggable={false} />
  ) : (
    <span
      className={[className, missingClassName].filter(Boolean).join(' ')}
      role="img"
      aria-label={alt}
    />
  )
}
