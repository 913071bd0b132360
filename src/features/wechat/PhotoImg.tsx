import { useEffect, useState } from 'react'
import { photoUrl } from '@/lib/album/album.ts'

interface PhotoImgProps {
  photoId: string
  alt: string
  className?: string
}

/** An album photo, loaded from the phone's storage. */
export function PhotoImg({ photoId, alt, className }: PhotoImgProps) {
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
    <span className={`${className ?? ''} wx-photo-missing`} role="img" aria-label={alt} />
  )
}
