import { useEffect, useState } from 'react'
import { loadAlbum, useAlbum, type AlbumPhoto } from '@/lib/album/album.ts'
import { formatDateTime } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Modal } from '@/ui/Modal.tsx'
import { PhotoImg } from '@/ui/PhotoImg.tsx'
import { IconClose, IconImage } from './wx-icons.tsx'
import './album-file.css'

interface AlbumPickerProps {
  /** `pick`: one tap chooses (扫一扫 → 相册); `send`: choose, then 发送. */
  mode: 'pick' | 'send'
  onPick: (photo: AlbumPhoto) => void
  onClose: () => void
  busy?: boolean
  /** An image file from the computer instead (a screenshot of a merchant's page): `pick` mode. */
  onFile?: ((file: File) => void) | undefined
}

/** The phone's album as WeChat's image picker shows it: dark, four columns, newest first. */
export function AlbumPicker({ mode, onPick, onClose, busy = false, onFile }: AlbumPickerProps) {
  const { t, lang } = useT()
  const photos = useAlbum((s) => s.photos)
  const loaded = useAlbum((s) => s.loaded)
  const [chosen, setChosen] = useState<AlbumPhoto | null>(null)
  useEffect(() => void loadAlbum(), [])

  return (
    <Modal className="wx-album" labelledBy="wx-album-title" onCancel={onClose}>
      <header className="wx-album__head">
        <button
          type="button"
          className="wx-header__btn"
          aria-label={t('common.close')}
          onClick={onClose}
        >
          <IconClose size={22} />
        </button>
        <h1 id="wx-album-title">{t('wechat.album.title')}</h1>
        {mode === 'send' ? (
          <button
            type="button"
            className="wx-send wx-album__send"
            disabled={!chosen || busy}
            onClick={() => chosen && onPick(chosen)}
          >
            {chosen ? t('wechat.album.sendOne') : t('wechat.album.send')}
          </button>
        ) : (
          <span />
        )}
      </header>
      {onFile && (
        <label className="wx-album__file">
          <input
            type="file"
            accept="image/*"
            className="visually-hidden"
            data-testid="wechat-album-file"
            disabled={busy}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0]
              event.currentTarget.value = ''
              if (file) onFile(file)
            }}
          />
          <IconImage size={20} />
          <span className="wx-album__file-text">
            {t('wechat.album.fromFile')}
            <span className="wx-album__file-hint">{t('wechat.album.fromFileHint')}</span>
          </span>
        </label>
      )}
      <div className="wx-album__grid" aria-busy={busy || !loaded}>
        {photos.map((photo, i) => {
          const label = t(
            photo.origin === 'screenshot' ? 'wechat.album.screenshot' : 'wechat.album.saved',
            { n: i + 1, time: formatDateTime(new Date(photo.createdAt).toISOString(), lang) },
          )
          return (
            <button
              key={photo.id}
              type="button"
              className="wx-album__cell"
              data-testid="wechat-album-photo"
              data-origin={photo.origin}
              aria-label={label}
              aria-pressed={mode === 'send' ? chosen?.id === photo.id : undefined}
              disabled={busy}
              onClick={() => (mode === 'pick' ? onPick(photo) : setChosen(photo))}
            >
              <PhotoImg
                missingClassName="wx-photo-missing"
                photoId={photo.id}
                alt=""
                className="wx-album__img"
              />
              {mode === 'send' && (
                <span
                  className={
                    chosen?.id === photo.id ? 'wx-album__tick wx-album__tick--on' : 'wx-album__tick'
                  }
                  aria-hidden="true"
                >
                  {chosen?.id === photo.id ? '1' : ''}
                </span>
              )}
            </button>
          )
        })}
      </div>
      {loaded && photos.length === 0 && (
        <p className="wx-album__empty">{t('wechat.album.empty')}</p>
      )}
    </Modal>
  )
}
