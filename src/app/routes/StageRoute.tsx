import { useState } from 'react'
import { friendLinkPath, HOME, WECHAT_HOME, withSim } from '@/contract/paths.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useSettings } from '@/lib/settings.ts'
import './stage.css'

// Both phones are in the world /stage was opened in (`?world=`), so a test's world reaches its frames.
const inWorld = () => ({ world: useSettings.getState().world })
const SHOPPER = { device: 'shopper-phone', persona: 'shopper', era: 'beta' } as const
const FRIEND = { device: 'friend-phone', persona: 'friend', era: 'beta' } as const

/** Where the friend's phone goes: a pasted link (or path) on this origin, as that phone and persona. */
function friendUrl(pasted: string): string | null {
  try {
    const url = new URL(pasted.trim(), window.location.origin)
    if (url.origin !== window.location.origin) return null
    return withSim(url.pathname, { ...FRIEND, ...inWorld() })
  } catch {
    return null
  }
}

/**
 * `/stage`: the shopper's phone and the friend's phone side by side on a desktop. Each is a named iframe
 * with its own `?device=` (lib/device.ts keeps a framed device under the frame's name), so each has its
 * own storage and persona, as two real phones would.
 */
export function StageRoute() {
  const { t } = useT()
  const [shopperSrc] = useState(() => withSim(HOME, { ...SHOPPER, ...inWorld() }))
  const [friendSrc, setFriendSrc] = useState(() =>
    withSim(WECHAT_HOME, { ...FRIEND, ...inWorld() }),
  )
  const [pasted, setPasted] = useState('')
  return (
    <main className="stage">
      <header className="stage__head">
        <h1>{t('friendPay.stage.title')}</h1>
        <p className="stage__hint">{t('friendPay.stage.hint')}</p>
        <form
          className="stage__form"
          onSubmit={(e) => {
            e.preventDefault()
            const next = friendUrl(pasted)
            if (next) setFriendSrc(next)
          }}
        >
          <label>
            {t('friendPay.stage.address')}
            <input
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              placeholder={`${friendLinkPath('')}…`}
              data-testid="stage-friend-url"
            />
          </label>
          <button type="submit">{t('friendPay.stage.open')}</button>
        </form>
      </header>
      <div className="stage__phones">
        <figure>
          <iframe
            name="shopper-phone"
            title={t('friendPay.stage.shopper')}
            src={shopperSrc}
            data-testid="stage-shopper"
            allow="clipboard-read; clipboard-write"
          />
          <figcaption>{t('friendPay.stage.shopper')}</figcaption>
        </figure>
        <figure>
          <iframe
            name="friend-phone"
            title={t('friendPay.stage.friend')}
            src={friendSrc}
            data-testid="stage-friend"
            allow="clipboard-read; clipboard-write"
          />
          <figcaption>{t('friendPay.stage.friend')}</figcaption>
        </figure>
      </div>
    </main>
  )
}
