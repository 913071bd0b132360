import { useT } from '@/lib/i18n/i18n.ts'
import { SheetHead } from '@/ui/Sheet.tsx'
import { Spinner } from '@/ui/Spinner.tsx'
import { CashierBody } from './CashierBody.tsx'
import type { CashierState, Intent } from './flow-state.ts'
import { isBusy, selectedMethod, selectedPlan } from './flow-select.ts'
import { problemText } from './problem-text.ts'

interface MethodsStepProps {
  state: CashierState
  send: (intent: Intent) => void
  onClose: () => void
}

/** The cashier's list: the amount and time left, the methods, why the last try failed, 确认付款. */
export function MethodsStep({ state, send, onClose }: MethodsStepProps) {
  const { t, lang } = useT()
  const { view, list } = state
  const closed = view.kind === 'closed'
  const busy = isBusy(state)
  const selected = selectedMethod(state)
  const problem = view.kind === 'choosing' ? view.problem : null
  return (
    <>
      <SheetHead
        id="cashier-title"
        title={t('cashier.title')}
        closeLabel={t('cashier.close')}
        onClose={onClose}
        closeSide="left"
        closeTestId="cashier-close"
      />
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
