import { useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { albumOpen, wechatPath, withAlbum } from '@/contract/paths.ts'
import { photoBlob, type AlbumPhoto } from '@/lib/album/album.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { AlbumPicker } from './AlbumPicker.tsx'
import { CodeNoticeDialog } from './CodeNoticeDialog.tsx'
import { useOpenCode, type CodeNotice } from './useOpenCode.ts'
import { WxHeader } from './WxHeader.tsx'
import { IconImage } from './wx-icons.tsx'

/**
 * 扫一扫: the camera's viewfinder (no real camera in the simulation) and 相册, which reads the QR code from
 * the chosen photo's pixels, wherever it sits in the picture.
 */
export function ScanScreen() {
  const { t } = useT()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const picking = albumOpen(params)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<CodeNotice | null>(null)
  const openCode = useOpenCode()

  function setPicking(on: boolean) {
    setParams(withAlbum(params, on), { replace: !on })
  }

  /** Reads the code in a photo of the album, or in an image file from the computer. */
  async function pick(photo: AlbumPhoto | File) {
    setBusy(true)
    try {
      const [{ decodeQr }, blob] = await Promise.all([
        import('@/lib/album/decode-qr.ts'),
        photo instanceof Blob ? photo : photoBlob(photo.id),
      ])
      const text = blob ? await decodeQr(blob) : null
      if (text === null) {
        setPicking(false)
        setNotice({ kind: 'none' })
        return
      }
      setNotice(openCode(text, 'scan'))
    } catch {
      setNotice({ kind: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="wx wx-scan">
      <WxHeader title={t('wechat.scan.title')} onBack={() => void navigate(wechatPath())} dark />
      <main className="wx-scan__view">
        <div className="wx-scan__frame" aria-hidden="true">
          <span className="wx-scan__corner wx-scan__corner--tl" />
          <span className="wx-scan__corner wx-scan__corner--tr" />
          <span className="wx-scan__corner wx-scan__corner--bl" />
          <span className="wx-scan__corner wx-scan__corner--br" />
          <span className="wx-scan__line" />
        </div>
        <p className="wx-scan__hint">{t('wechat.scan.hint')}</p>
        <button
          type="button"
          className="wx-scan__album"
          data-testid="wechat-scan-album"
          onClick={() => setPicking(true)}
        >
          <span className="wx-scan__album-icon">
            <IconImage size={24} />
          </span>
          {t('wechat.scan.album')}
        </button>
      </main>
      <div className="wx-scan__modes" aria-hidden="true">
        <span className="wx-scan__mode wx-scan__mode--on">{t('wechat.scan.modeScan')}</span>
        <span className="wx-scan__mode">{t('wechat.scan.modeTranslate')}</span>
      </div>
      {picking && (
        <AlbumPicker
          mode="pick"
          busy={busy}
          onPick={(photo) => void pick(photo)}
          onFile={(file) => void pick(file)}
          onClose={() => setPicking(false)}
        />
      )}
      {notice && <CodeNoticeDialog notice={notice} onClose={() => setNotice(null)} />}
    </div>
  )
}
