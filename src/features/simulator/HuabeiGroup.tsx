import { useState, type FormEvent } from 'react'
import { useT } from '@/lib/i18n/i18n.ts'
import { useResource } from '@/lib/useResource.ts'
import { Group } from './controls.tsx'
import { bpFromPercent, percentFromBp } from './fees.ts'
import { gatewayErrorText, GatewayLoading, GatewayProblem } from './GatewayProblem.tsx'
import {
  changeHuabeiFees,
  DEFAULT_HUABEI_FEE_BP,
  fetchGatewaySettings,
  HUABEI_PLANS,
  type HuabeiFeeBp,
  type HuabeiPlan,
} from './sim-api.ts'

/** The buyer's Huabei fee per plan: kept by the gateway (one value for every phone), saved explicitly. */
export function HuabeiGroup() {
  const { t } = useT()
  const settings = useResource('sim:gateway-settings', fetchGatewaySettings)
  return (
    <Group id="sim-huabei" title={t('sim.huabei.title')} footer={t('sim.huabei.footer')}>
      {settings.data ? (
        <FeeForm initial={settings.data.huabeiFeeBp} />
      ) : settings.error ? (
        <GatewayProblem error={settings.error} onRetry={settings.reload} />
      ) : (
        <GatewayLoading />
      )}
    </Group>
  )
}

type Drafts = Record<HuabeiPlan, string>

function draftsOf(bp: HuabeiFeeBp): Drafts {
  return { '3': percentFromBp(bp['3']), '6': percentFromBp(bp['6']), '12': percentFromBp(bp['12']) }
}

/** The drafts as basis points, or null while one of them is not a valid rate. */
function parse(drafts: Drafts): HuabeiFeeBp | null {
  const bp = {
    '3': bpFromPercent(drafts['3']),
    '6': bpFromPercent(drafts['6']),
    '12': bpFromPercent(drafts['12']),
  }
  return bp['3'] === null || bp['6'] === null || bp['12'] === null
    ? null
    : { '3': bp['3'], '6': bp['6'], '12': bp['12'] }
}

function FeeForm({ initial }: { initial: HuabeiFeeBp }) {
  const { t, lang } = useT()
  const [saved, setSaved] = useState(initial)
  const [drafts, setDrafts] = useState(() => draftsOf(initial))
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const parsed = parse(drafts)
  const dirty = parsed !== null && HUABEI_PLANS.some((plan) => parsed[plan] !== saved[plan])

  async function save(next: HuabeiFeeBp) {
    setBusy(true)
    setStatus(null)
    try {
      const answer = await changeHuabeiFees(next)
      setSaved(answer.huabeiFeeBp)
      setDrafts(draftsOf(answer.huabeiFeeBp))
      setStatus({ ok: true, text: t('sim.saved') })
    } catch (error) {
      setStatus({ ok: false, text: gatewayErrorText(t, lang, error) })
    } finally {
      setBusy(false)
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    if (parsed && dirty && !busy) void save(parsed)
  }

  return (
    <form className="sim-fees" onSubmit={onSubmit} noValidate>
      {HUABEI_PLANS.map((plan) => {
        const valid = bpFromPercent(drafts[plan]) !== null
        return (
          <label key={plan} className="sim-row sim-row--field">
            <span className="sim-row__label">{t('sim.huabei.plan', { n: plan })}</span>
            <input
              className="sim-input sim-input--short"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={drafts[plan]}
              aria-invalid={!valid}
              onChange={(e) => {
                const value = e.currentTarget.value
                setDrafts((d) => ({ ...d, [plan]: value }))
                setStatus(null)
              }}
            />
            <span className="sim-unit" aria-hidden="true">
              %
            </span>
          </label>
        )
      })}
      {parsed === null && (
        <p className="sim-row sim-row__error" role="alert">
          {t('sim.huabei.invalid')}
        </p>
      )}
      <div className="sim-row sim-row--actions">
        <span
          className={status?.ok === false ? 'sim-status sim-status--bad' : 'sim-status'}
          role="status"
        >
          {status?.text}
        </span>
        <button
          type="button"
          className="sim-link"
          disabled={busy}
          onClick={() => void save(DEFAULT_HUABEI_FEE_BP)}
        >
          {t('sim.huabei.defaults')}
        </button>
        <button type="submit" className="sim-btn" disabled={!dirty || busy} aria-busy={busy}>
          {t('sim.huabei.save')}
        </button>
      </div>
    </form>
  )
}
