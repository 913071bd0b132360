import { isApiError } from '@/lib/api/client.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT, type Translate } from '@/lib/i18n/i18n.ts'

/** Why a call to the test API failed, in words (a server with `GATEWAY_TEST_API=off` answers 404). */
export function gatewayErrorText(t: Translate, lang: string, error: unknown): string {
  if (isApiError(error) && error.code === 'NOT_FOUND') return t('sim.testApiOff')
  return errorText(t, lang, error)
}

/** A row in place of a gateway control that could not load, with a retry. */
export function GatewayProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t, lang } = useT()
  return (
    <div className="sim-row sim-row--problem" role="alert">
      <span className="sim-row__error">{gatewayErrorText(t, lang, error)}</span>
      <button type="button" className="sim-link" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  )
}

/** A row that waits for the gateway. */
export function GatewayLoading() {
  const { t } = useT()
  return (
    <div className="sim-row sim-row--muted" aria-busy="true">
      {t('common.loading')}
    </div>
  )
}
