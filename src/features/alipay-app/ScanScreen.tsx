import { useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { albumOpen, alipayAppPath, alipayScanPayPath, withAlbum } from '@/contract/paths.ts'
import { photoBlob, type AlbumPhoto } from '@/lib/album/album.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { AlbumSheet } from './AlbumSheet.tsx'
import { AliDialog } from './AliDialog.tsx'
import { AliHeader } from './AliHeader.tsx'
import { IconImage, IconTorch } from './ali-icons.tsx'
import { readAlipayCode } from './read-code.ts'

/** What 支付宝 says instead of opening a code. */
type Notice = { kind: 'none' } | { kind: 'wechat' } | { kind: 'text'; text: string }

/**
 * 扫一扫: the camera's viewfinder (no real camera in the simulation) and 相册, which reads the QR code from
 * the chosen photo's own pixels. A merchant's trade opens the pay sheet.
 */
export function ScanScreen() {
  const { t } = useT()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const picking = albumOpen(params)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<Notice | null>(null)

  function setPicking(on: boolean) {
    setParams(withAlbum(params, on), { replace: !on })
  }

  async function pick(photo: AlbumPhoto) {
    setBusy(true)
    try {
      const [{ decodeQr }, blob] = await Promise.all([
        import('@/lib/album/decode-qr.ts'),
        photoBlob(photo.id),
      ])
      const text = blob ? await decodeQr(blob) : null
      const code = text === null ? null : readAlipayCode(text)
      if (code?.kind === 'trade') {
        void navigate(alipayScanPayPath(code.token), { replace: true })
        return
      }
      setPicking(false)
      setNotice(code ?? { kind: 'none' })
    } catch {
      setPicking(false)
      setNotice({ kind: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="ali-app ali-scan" data-testid="alipay-scan">
      <AliHeader
        title={t('alipayApp.scan.title')}
        onBack={() => void navigate(alipayAppPath())}
        dark
      />
      <main className="ali-scan__view">
        <div className="ali-scan__frame" aria-hidden="true">
          <span className="ali-scan__line" />
        </div>
        <p className="ali-scan__hint">{t('alipayApp.scan.hint')}</p>
        <span className="ali-scan__torch" aria-hidden="true">
          <IconTorch size={22} />
          {t('alipayApp.scan.torch')}
        </span>
      </main>
      <div className="ali-scan__foot">
        <div className="ali-scan__modes" aria-hidden="true">
          <span className="ali-scan__mode ali-scan__mode--on">{t('alipayApp.scan.modeScan')}</span>
          <span className="ali-scan__mode">{t('alipayApp.scan.modeAr')}</span>
        </div>
        <button
          type="button"
          className="ali-scan__album"
          data-testid="alipay-scan-album"
          onClick={() => setPicking(true)}
        >
          <span className="ali-scan__album-icon">
            <IconImage size={24} />
          </span>
          {t('alipayApp.scan.album')}
        </button>
      </div>
      {picking && (
        <AlbumSheet
          busy={busy}
          onPick={(photo) => void pick(photo)}
          onClose={() => setPicking(false)}
        />
      )}
      {notice && (
        <AliDialog
          testId="alipay-code-notice"
          title={notice.kind === 'text' ? t('alipayApp.code.content') : undefined}
          text={
            notice.kind === 'text'
              ? notice.text
              : notice.kind === 'wechat'
                ? t('alipayApp.code.wechat')
                : t('alipayApp.code.none')
          }
          okLabel={t('alipayApp.code.ok')}
          onOk={() => setNotice(null)}
        />
      )}
    </div>
  )
}
