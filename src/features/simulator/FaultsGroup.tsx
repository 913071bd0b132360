import { useId, useState, type FormEvent } from 'react'
import type { ErrorCode } from '@/contract/errors.ts'
import type { Faults, FaultsBody } from '@/contract/test-api.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useResource } from '@/lib/useResource.ts'
import { Group, Segmented } from './controls.tsx'
import { gatewayErrorText, GatewayLoading, GatewayProblem } from './GatewayProblem.tsx'
import { changeFaults, fetchFaults } from './sim-api.ts'

const NOTIFY_MODES = [
  'normal',
  'drop',
  'duplicate',
  'delay',
] as const satisfies readonly Faults['notify'][]
/** Failures a payment confirm can meet for real, and that the cashier knows how to word. */
const CONFIRM_FAULTS = [
  'SYSTEMERROR',
  'NOTENOUGH',
  'ORDERCLOSED',
  'PAYMENT_CLOSED',
] as const satisfies readonly ErrorCode[]
const MAX_LATENCY_MS = 60_000

/** The gateway's faults (BRIEF §8): what happens to notifications, extra latency, a failing confirm. */
export function FaultsGroup() {
  const { t } = useT()
  const faults = useResource('sim:faults', fetchFaults)
  return (
    <Group id="sim-faults" title={t('sim.faults.title')} footer={t('sim.faults.footer')}>
      {faults.data ? (
        <FaultControls initial={faults.data} />
      ) : faults.error ? (
        <GatewayProblem error={faults.error} onRetry={faults.reload} />
      ) : (
        <GatewayLoading />
      )}
    </Group>
  )
}

function FaultControls({ initial }: { initial: Faults }) {
  const { t, lang } = useT()
  const [faults, setFaults] = useState(initial)
  const [latency, setLatency] = useState(String(initial.latencyMs))
  const [problem, setProblem] = useState<string | null>(null)
  const latencyId = useId()
  const failId = useId()
  const latencyMs = /^\d{1,5}$/.test(latency.trim()) ? Number(latency.trim()) : Number.NaN
  const latencyValid = Number.isInteger(latencyMs) && latencyMs <= MAX_LATENCY_MS
  // A code set through the API that the list doesn't offer is still shown as it is.
  const current = faults.failNextConfirm
  const codes: readonly ErrorCode[] =
    current && !includes(CONFIRM_FAULTS, current) ? [...CONFIRM_FAULTS, current] : CONFIRM_FAULTS

  async function apply(change: FaultsBody) {
    setProblem(null)
    // Shown at once; the gateway's answer (all the faults as it now has them) then replaces it.
    setFaults((f) => ({ ...f, ...change }))
    try {
      const answer = await changeFaults(change)
      setFaults(answer)
      if (change.latencyMs !== undefined) setLatency(String(answer.latencyMs))
    } catch (error) {
      setProblem(gatewayErrorText(t, lang, error))
    }
  }

  function onLatency(event: FormEvent) {
    event.preventDefault()
    if (latencyValid && latencyMs !== faults.latencyMs) void apply({ latencyMs })
  }

  return (
    <>
      <Segmented
        name="notify"
        label={t('sim.faults.notify')}
        value={faults.notify}
        options={NOTIFY_MODES.map((mode) => ({
          value: mode,
          label: t(`sim.faults.modes.${mode}`),
        }))}
        onChange={(notify) => void apply({ notify })}
        stacked
      />
      <form className="sim-row sim-row--field" onSubmit={onLatency} noValidate>
        <label className="sim-row__label" htmlFor={latencyId}>
          {t('sim.faults.latency')}
        </label>
        <input
          id={latencyId}
          className="sim-input sim-input--short"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={latency}
          aria-invalid={!latencyValid}
          onChange={(e) => setLatency(e.currentTarget.value)}
          onBlur={onLatency}
        />
        <span className="sim-unit">ms</span>
        <button
          type="submit"
          className="sim-btn sim-btn--small"
          disabled={!latencyValid || latencyMs === faults.latencyMs}
        >
          {t('sim.faults.apply')}
        </button>
      </form>
      {!latencyValid && (
        <p className="sim-row sim-row__error" role="alert">
          {t('sim.faults.latencyInvalid', { max: MAX_LATENCY_MS })}
        </p>
      )}
      <div className="sim-row sim-row--field">
        <label className="sim-row__label" htmlFor={failId}>
          {t('sim.faults.failNext')}
        </label>
        <select
          id={failId}
          className="sim-select"
          value={faults.failNextConfirm ?? ''}
          onChange={(e) => {
            const code = codes.find((c) => c === e.currentTarget.value) ?? null
            void apply({ failNextConfirm: code })
          }}
        >
          <option value="">{t('sim.faults.failNone')}</option>
          {codes.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </div>
      {problem && (
        <p className="sim-row sim-row__error" role="alert">
          {problem}
        </p>
      )}
    </>
  )
}

function includes(list: readonly ErrorCode[], code: ErrorCode): boolean {
  return list.includes(code)
}
