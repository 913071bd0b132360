import { formatClockTime } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { ForeignOrderNotice } from '@/ui/ForeignOrderNotice.tsx'
import { ForgotLink } from '@/ui/ForgotPassword.tsx'
import { SheetHead } from '@/ui/Sheet.tsx'
import { Spinner } from '@/ui/Spinner.tsx'
import { CashierBody } from './CashierBody.tsx'
import { CashierReset } from './CashierReset.tsx'
import type { CashierState, Intent } from './flow-state.ts'
import { isBusy, selectedMethod, selectedPlan } from './flow-select.ts'
import { realmOf } from './methods.ts'
import { problemText } from './problem-text.ts'
import './lock.css'

interface MethodsStepProps {
  state: CashierState
  send: (intent: Intent) => void
  onClose: () => void
}

/** The cashier's list: the amount and time left, the methods, why the last try failed, 确认付款. */
export function MethodsStep({ state, send, onClose }: MethodsStepProps) {
  const { t } = useT()
  const { view } = state
  const head = (
    <SheetHead
      id="cashier-title"
      title={t('cashier.title')}
      closeLabel={t('cashier.close')}
      onClose={onClose}
      closeSide="left"
      closeTestId="cashier-close"
    />
  )
  if (view.kind === 'foreign') {
    return (
      <>
        {head}
        <ForeignOrderNotice owner={view.owner} className="sheet__body" />
      </>
    )
  }
  return (
    <>
      {head}
      <MethodsBody state={state} send={send} />
      {state.reset && <CashierReset reset={state.reset} send={send} />}
    </>
  )
}

function MethodsBody({ state, send }: Omit<MethodsStepProps, 'onClose'>) {
  const { t, lang } = useT()
  const { view, list } = state
  const closed = view.kind === 'closed'
  const busy = isBusy(state)
  const selected = selectedMethod(state)
  const problem = view.kind === 'choosing' ? view.problem : null
  // Alipay's pad locked: said under the list, with the way out (the rows say 已锁定 themselves).
  const lock = list.cashier?.methods.find(
    (m) => m.reason === 'LOCKED' && realmOf(m.id) === 'alipay' && m.lockedUntil,
  )
  return (
    <>
      <CashierBody
        orderId={state.orderId}
        list={list}
        closed={closed}
        selected={selected}
        huabeiPeriods={selectedPlan(state)}
        busy={busy}
        send={send}
      />
      <div className="cashier__foot">
        {lock?.lockedUntil && !closed && (
          <p className="cashier__lock" data-testid="pay-locked">
            <span>
              {t('cashier.lockedNote', { time: formatClockTime(lock.lockedUntil, lang) })}
            </span>
            <ForgotLink onClick={() => send({ type: 'FORGOT_PASSWORD', realm: 'alipay' })} />
          </p>
        )}
        {problem && !closed && (
          <p className="pay-error" data-testid="pay-error" role="alert">
            {problemText(t, lang, problem)}
          </p>
        )}
        <button
          type="button"
          className="btn-primary cashier__confirm"
          data-testid="confirm-pay"
          disabled={!list.cashier || !selected || busy || closed}
          aria-busy={busy}
          onClick={() => send({ type: 'CONFIRM' })}
        >
          {busy && <Spinner />}
          {closed
            ? t('cashier.closed')
            : busy
              ? t('cashier.busy')
              : selected || !list.cashier
                ? t('cashier.confirm')
                : t('cashier.choose')}
        </button>
      </div>
    </>
  )
}
