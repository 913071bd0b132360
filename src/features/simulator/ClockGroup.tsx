import { useId, useState } from 'react'
import { formatDateTime } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useServerClock } from '@/lib/clock.ts'
import { useServerNow } from '@/lib/useNow.ts'
import { useResource } from '@/lib/useResource.ts'
import { aheadText } from './ahead.ts'
import { Group } from './controls.tsx'
import { gatewayErrorText, GatewayLoading, GatewayProblem } from './GatewayProblem.tsx'
import { advanceClock, fetchGatewayNow } from './sim-api.ts'

const STEPS = [
  { key: 'm1', ms: 60_000 },
  { key: 'm10', ms: 10 * 60_000 },
  { key: 'm30', ms: 30 * 60_000 },
  { key: 'h2', ms: 2 * 3_600_000 },
  { key: 'd1', ms: 24 * 3_600_000 },
] as const

/**
 * The gateway's test clock: its time (ticking, learnt from the gateway, so this phone's countdowns agree)
 * and buttons that move it forward. Deadlines that fall due close at once, everywhere.
 */
export function ClockGroup() {
  const { t } = useT()
  const learnt = useResource('sim:clock', fetchGatewayNow)
  return (
    <Group id="sim-clock" title={t('sim.clock.title')} footer={t('sim.clock.footer')}>
      {learnt.data ? (
        <ClockControls />
      ) : learnt.error ? (
        <GatewayProblem error={learnt.error} onRetry={learnt.reload} />
      ) : (
        <GatewayLoading />
      )}
    </Group>
  )
}

function ClockControls() {
  const { t, lang } = useT()
  const now = useServerNow()
  const offsetMs = useServerClock((s) => s.offsetMs)
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const stepsId = useId()
  const iso = new Date(now).toISOString()
  const ahead = aheadText(t, offsetMs)

  async function advance(ms: number) {
    setBusy(true)
    setStatus(null)
    try {
      const at = await advanceClock(ms)
      setStatus({ ok: true, text: t('sim.clock.advanced', { time: formatDateTime(at, lang) }) })
    } catch (error) {
      setStatus({ ok: false, text: gatewayErrorText(t, lang, error) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <div className="sim-row">
        <span className="sim-row__label">{t('sim.clock.now')}</span>
        <span className="sim-clock">
          <time dateTime={iso} data-testid="sim-clock-now">
            {formatDateTime(iso, lang)}
          </time>
          {ahead && (
            <span className="sim-clock__ahead">{t('sim.clock.ahead', { amount: ahead })}</span>
          )}
        </span>
      </div>
      <div className="sim-row sim-row--stacked">
        <span id={stepsId} className="sim-row__label">
          {t('sim.clock.advance')}
        </span>
        <div className="sim-steps" role="group" aria-labelledby={stepsId}>
          {STEPS.map((step) => (
            <button
              key={step.key}
              type="button"
              className="sim-chip"
              disabled={busy}
              onClick={() => void advance(step.ms)}
            >
              {t(`sim.clock.steps.${step.key}`)}
            </button>
          ))}
        </div>
        <span
          className={status?.ok === false ? 'sim-status sim-status--bad' : 'sim-status'}
          role="status"
        >
          {status?.text}
        </span>
      </div>
    </>
  )
}
