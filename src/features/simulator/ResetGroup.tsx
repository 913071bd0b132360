import { HOME, withSim } from '@/contract/paths.ts'
import { useEffect, useRef, useState } from 'react'
import { clearDeviceStorage, deviceId } from '@/lib/device.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Group } from './controls.tsx'
import { gatewayErrorText } from './GatewayProblem.tsx'
import { resetGateway } from './sim-api.ts'

/**
 * Reset all data, behind a confirm step: the gateway back to its seed, this phone's kept stores (settings,
 * checkout, open payments, album) forgotten, then the app starts again on the order page as this phone.
 */
export function ResetGroup() {
  const { t, lang } = useT()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const openRef = useRef<HTMLButtonElement>(null)
  const asked = useRef(false)

  useEffect(() => {
    // Focus follows the step: onto "cancel" when asked, back onto the button when it is called off.
    if (confirming) cancelRef.current?.focus()
    else if (asked.current) openRef.current?.focus()
    asked.current = confirming
  }, [confirming])

  async function reset() {
    setBusy(true)
    setProblem(null)
    try {
      await resetGateway()
      await clearDeviceStorage()
      // Not a reload of the current URL: the order or payment it names is gone.
      window.location.replace(withSim(HOME, { device: deviceId }))
    } catch (error) {
      setProblem(gatewayErrorText(t, lang, error))
      setBusy(false)
    }
  }

  return (
    <Group id="sim-data" title={t('sim.reset.title')}>
      {confirming ? (
        <div className="sim-confirm" role="group" aria-labelledby="sim-reset-question">
          <p id="sim-reset-question" className="sim-confirm__text">
            {t('sim.reset.question')}
          </p>
          <div className="sim-confirm__actions">
            <button
              ref={cancelRef}
              type="button"
              className="sim-btn sim-btn--plain"
              disabled={busy}
              onClick={() => setConfirming(false)}
            >
              {t('sim.reset.cancel')}
            </button>
            <button
              type="button"
              className="sim-btn sim-btn--danger"
              disabled={busy}
              aria-busy={busy}
              onClick={() => void reset()}
            >
              {busy ? t('sim.reset.resetting') : t('sim.reset.confirm')}
            </button>
          </div>
          {problem && (
            <p className="sim-row__error" role="alert">
              {problem}
            </p>
          )}
        </div>
      ) : (
        <button
          ref={openRef}
          type="button"
          className="sim-row sim-row--button sim-row--danger"
          onClick={() => setConfirming(true)}
        >
          {t('sim.reset.button')}
        </button>
      )}
    </Group>
  )
}
