import { useEffect } from 'react'
import { addPhoto, loadAlbum, useAlbum, type AlbumPhoto } from '@/lib/album/album.ts'
import { formatDateTime } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Modal } from '@/ui/Modal.tsx'
import { PhotoImg } from '@/ui/PhotoImg.tsx'
import { IconImage } from './ali-icons.tsx'

interface AlbumSheetProps {
  busy: boolean
  onPick: (photo: AlbumPhoto) => void
  onClose: () => void
}

/** An image from the computer goes into the phone's album (as a saved image), newest first. */
async function importImage(file: File): Promise<void> {
  const bitmap = await createImageBitmap(file)
  const size = { width: bitmap.width, height: bitmap.height }
  bitmap.close()
  await addPhoto(file, { origin: 'saved', ...size })
}

/**
 * 扫一扫 → 相册: the phone's album as 支付宝's picker shows it (所有照片, four columns, newest first); one tap
 * reads the code in a photo. An image from the computer (a screenshot of a merchant's page) is imported
 * into the album first, then picked like any photo.
 */
export function AlbumSheet({ busy, onPick, onClose }: AlbumSheetProps) {
  const { t, lang } = useT()
  const photos = useAlbum((s) => s.photos)
  const loaded = useAlbum((s) => s.loaded)
  useEffect(() => void loadAlbum(), [])

  return (
    <Modal className="ali-album" labelledBy="ali-album-title" onCancel={onClose}>
      <header className="ali-album__head">
        <button type="button" className="ali-album__cancel" onClick={onClose}>
          {t('alipayApp.album.cancel')}
        </button>
        <h1 className="ali-album__title" id="ali-album-title">
          {t('alipayApp.album.title')}
        </h1>
        <span />
      </header>
      <label className="ali-album__file">
        <input
          type="file"
          accept="image/*"
          className="visually-hidden"
          data-testid="alipay-album-file"
          disabled={busy}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0]
            event.currentTarget.value = ''
            if (file) void importImage(file).catch(() => undefined)
          }}
        />
        <IconImage size={22} />
        <span className="ali-album__file-text">
          {t('alipayApp.album.import')}
          <span className="ali-album__file-hint">{t('alipayApp.album.importHint')}</span>
        </span>
      </label>
      <div className="ali-album__grid" aria-busy={busy || !loaded}>
        {photos.map((photo, i) => (
          <button
            key={photo.id}
            type="button"
            className="ali-album__cell"
            data-testid="alipay-album-photo"
            data-origin={photo.origin}
            aria-label={t(
              photo.origin === 'screenshot'
                ? 'alipayApp.album.screenshot'
                : 'alipayApp.album.saved',
              { n: i + 1, time: formatDateTime(new Date(photo.createdAt).toISOString(), lang) },
            )}
            disabled={busy}
            onClick={() => onPick(photo)}
          >
            <PhotoImg photoId={photo.id} alt="" className="ali-album__img" />
          </button>
        ))}
      </div>
      {loaded && photos.length === 0 && (
        <p className="ali-album__empty">{t('alipayApp.album.empty')}</p>
      )}
      {busy && (
        <p className="ali-album__busy" role="status">
          {t('alipayApp.album.reading')}
        </p>
      )}
    </Modal>
  )
}
