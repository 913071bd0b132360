import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useLocation, useNavigate } from 'react-router'
import { useT } from '@/lib/i18n/i18n.ts'
import { routeOf } from '@/contract/paths.ts'
import { useLazy, whenIdle } from '@/lib/useLazy.ts'
import { appOf, usePhoneStore, type PhoneApp } from './phone-store.ts'
import { useTopSheet } from '@/ui/useTopSheet.ts'
import './phone-chrome.css'

/** A screenshot and the app it was taken in: its toast shows over that app only. */
type Shot =
  | { state: 'idle' }
  | { state: 'busy'; app: PhoneApp }
  | { state: 'saved'; url: string; app: PhoneApp }
  | { state: 'failed'; app: PhoneApp }

const SHOT_SHOWN_MS = 3500

const switcherCode = async () => (await import('./AppSwitcher.tsx')).AppSwitcher

/**
 * The simulated phone's system bar, under the app: a screenshot button (the visible screen goes into the
 * phone's album) and the home bar that opens the app switcher (Taobao ⇄ WeChat, each where it was left).
 */
export function PhoneChrome() {
  const { t } = useT()
  const navigate = useNavigate()
  const { pathname, search } = useLocation()
  const current = appOf(pathname)
  const remember = usePhoneStore((s) => s.remember)
  const [switching, setSwitching] = useState(false)
  // The switcher's code loads when the phone is idle (or at the first tap), not with the first screen.
  const [Switcher, loadSwitcher] = useLazy(switcherCode)
  const [shot, setShot] = useState<Shot>({ state: 'idle' })
  const busy = useRef(false)
  const topSheet = useTopSheet()

  useEffect(() => {
    remember(appOf(pathname), routeOf(pathname, search))
  }, [pathname, search, remember])

  useEffect(() => {
    // Have the screenshot code ready before the first tap on the button.
    whenIdle(() => void import('./capture-screen.ts').catch(() => undefined))
  }, [])

  useEffect(() => {
    if (shot.state !== 'saved' && shot.state !== 'failed') return
    const timer = setTimeout(() => setShot({ state: 'idle' }), SHOT_SHOWN_MS)
    return () => clearTimeout(timer)
  }, [shot])

  useEffect(() => {
    if (shot.state !== 'saved') return
    return () => URL.revokeObjectURL(shot.url)
  }, [shot])

  function open(app: PhoneApp) {
    setSwitching(false)
    if (app === current) return
    // Coming back later does not bring the toast back either.
    setShot((s) => (s.state === 'saved' || s.state === 'failed' ? { state: 'idle' } : s))
    void navigate(usePhoneStore.getState().last[app])
  }

  async function screenshot() {
    if (busy.current) return
    busy.current = true
    const app = current
    setShot({ state: 'busy', app })
    try {
      const blob = await (await import('./capture-screen.ts')).screenshotToAlbum()
      setShot({ state: 'saved', url: URL.createObjectURL(blob), app })
    } catch {
      setShot({ state: 'failed', app })
    } finally {
      busy.current = false
    }
  }

  const chrome = (
    <div className={`phone-chrome phone-chrome--${current}`}>
      {switching && Switcher && (
        <Switcher current={current} onPick={open} onClose={() => setSwitching(false)} />
      )}
      {shot.state === 'busy' && <div className="phone-chrome__flash" aria-hidden="true" />}
      {/* The toast belongs to the app that took it: switching to another app leaves it behind. */}
      {(shot.state === 'saved' || shot.state === 'failed') && shot.app === current && (
        <div className="shot-toast" role="status" data-testid="phone-shot" data-state={shot.state}>
          {shot.state === 'saved' && <img className="shot-toast__thumb" src={shot.url} alt="" />}
          <span>{shot.state === 'saved' ? t('phone.shotSaved') : t('phone.shotFailed')}</span>
        </div>
      )}
      <div className="system-bar">
        <button
          type="button"
          className="system-bar__btn"
          aria-label={t('phone.screenshot')}
          aria-busy={shot.state === 'busy'}
          data-testid="phone-screenshot"
          onClick={() => void screenshot()}
        >
          <svg viewBox="0 0 24 24" width="17" height="17" aria-hidden="true">
            <path
              d="M4 8.5A2.5 2.5 0 0 1 6.5 6h1.6l1.4-2h5l1.4 2h1.6A2.5 2.5 0 0 1 20 8.5v8a2.5 2.5 0 0 1-2.5 2.5h-11A2.5 2.5 0 0 1 4 16.5z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
            />
            <circle cx="12" cy="12.2" r="3.4" fill="none" stroke="currentColor" strokeWidth="1.8" />
          </svg>
        </button>
        <button
          type="button"
          className="system-bar__home"
          aria-label={t('phone.switcher')}
          aria-expanded={switching}
          data-testid="phone-switcher"
          onClick={() => {
            loadSwitcher()
            setSwitching((v) => !v)
          }}
        >
          <span className="system-bar__pill" />
        </button>
        <span className="system-bar__app" aria-hidden="true">
          {t(`phone.apps.${current}`)}
        </span>
      </div>
    </div>
  )
  return topSheet ? createPortal(chrome, topSheet) : chrome
}
