import { useEffect, useMemo, useState } from 'react'
import { AppLink } from '@/ui/AppLink.tsx'
import type { ConsoleEntry, ConsoleObject, ConsoleObjectKind } from '@/contract/console.ts'
import { consolePath } from '@/contract/paths.ts'
import { isApiError } from '@/lib/api/client.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { ActionButton } from './ActionButton.tsx'
import { consoleActions, fetchObject } from './console-api.ts'
import { EntryBrowser } from './EntryBrowser.tsx'

interface ObjectViewProps {
  kind: ConsoleObjectKind
  id: string
  world: string | null
  /** The live timeline: a new entry that names this object fetches it again. */
  entries: readonly ConsoleEntry[]
  actions: boolean
}

type Loaded =
  { state: 'loading' } | { state: 'ok'; value: ConsoleObject } | { state: 'error'; error: unknown }

/** An order, a payment, a refund or a merchant: as the world holds it, and its whole story. */
export function ObjectView({ kind, id, world, entries, actions }: ObjectViewProps) {
  const { t, lang } = useT()
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  // The newest entry that names this object: each one is a reason to ask again.
  const touched = useMemo(() => {
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]
      if (e && Object.values(e.refs).includes(id)) return e.seq
    }
    return 0
  }, [entries, id])
  useEffect(() => {
    const abort = new AbortController()
    fetchObject(kind, id, abort.signal).then(
      (value) => setLoaded({ state: 'ok', value }),
      (error: unknown) => !abort.signal.aborted && setLoaded({ state: 'error', error }),
    )
    return () => abort.abort()
  }, [kind, id, touched])
  const story = loaded.state === 'ok' ? [...loaded.value.entries].reverse() : []
  return (
    <section
      className="console-object"
      aria-labelledby="console-object-title"
      data-testid="console-object"
    >
      <AppLink className="console-object__back" to={consolePath(world)}>
        {t('console.object.back')}
      </AppLink>
      <h2 id="console-object-title">
        {t(`console.object.kinds.${kind}`)} <code>{id}</code>
      </h2>
      {loaded.state === 'error' && (
        <p role="alert" className="console__problem" data-testid="console-object-missing">
          {isApiError(loaded.error) && loaded.error.status === 404
            ? t('console.object.notFound', { kind: t(`console.object.kinds.${kind}`), id })
            : errorText(t, lang, loaded.error)}
        </p>
      )}
      {loaded.state === 'ok' && (
        <>
          {/* Refund and close are Taobao's (an external merchant's order is its own to refund). */}
          {actions && kind === 'order' && !('system' in loaded.value.object) && (
            <OrderActions orderId={id} />
          )}
          {actions && kind === 'merchant' && <MerchantActions merchant={id} />}
          <h3>{t('console.object.state')}</h3>
          <pre className="console-object__state" data-testid="console-object-state" tabIndex={0}>
            {JSON.stringify(loaded.value.object, null, 2)}
          </pre>
          <h3>{t('console.object.story')}</h3>
          <EntryBrowser entries={story} world={world} actions={actions} />
        </>
      )}
    </section>
  )
}

function OrderActions({ orderId }: { orderId: string }) {
  const { t } = useT()
  const [yuan, setYuan] = useState('')
  const fen = yuan.trim() === '' ? undefined : Math.round(Number(yuan) * 100)
  const invalid = fen !== undefined && !(Number.isFinite(fen) && fen > 0)
  return (
    <div className="console-object__actions">
      <label className="console-filter__field">
        <span>{t('console.object.refundForm.label')}</span>
        <input
          inputMode="decimal"
          data-testid="console-refund-amount"
          value={yuan}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'console-refund-invalid' : undefined}
          onChange={(e) => setYuan(e.target.value)}
        />
      </label>
      {invalid && (
        <span id="console-refund-invalid" className="console__problem">
          {t('console.object.refundForm.invalid')}
        </span>
      )}
      <ActionButton
        testId="console-refund"
        label={t('console.object.refundForm.submit')}
        disabled={invalid}
        run={() => consoleActions.refund(orderId, fen)}
      />
      <ActionButton
        testId="console-close-order"
        label={t('console.object.close')}
        run={() => consoleActions.close(orderId)}
      />
    </div>
  )
}

function MerchantActions({ merchant }: { merchant: string }) {
  const { t } = useT()
  const [code, setCode] = useState('SYSTEM_ERROR')
  return (
    <div className="console-object__actions">
      <label className="console-filter__field">
        <span>{t('console.object.failNext.label')}</span>
        <input
          data-testid="console-fail-next-code"
          value={code}
          placeholder={t('console.object.failNext.placeholder')}
          onChange={(e) => setCode(e.target.value)}
        />
      </label>
      <ActionButton
        testId="console-fail-next"
        label={t('console.object.failNext.submit')}
        disabled={code.trim() === ''}
        run={() => consoleActions.failNext(merchant, code.trim())}
      />
    </div>
  )
}
