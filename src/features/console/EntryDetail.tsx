import { AppLink } from '@/ui/AppLink.tsx'
import type { ConsoleCall, ConsoleDelivery, ConsoleEntry } from '@/contract/console.ts'
import { consoleObjectPath } from '@/contract/paths.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { ActionButton } from './ActionButton.tsx'
import { consoleActions } from './console-api.ts'
import { isCall, isDelivery, rowOf, timeOfDay } from './row.ts'

interface EntryDetailProps {
  entry: ConsoleEntry
  world: string | null
  /** Whether the test API is on (a delivery can be sent again). */
  actions: boolean
  onClose: () => void
}

/** One entry in full: what was sent and answered, as stored; links to the objects it touches. */
export function EntryDetail({ entry, world, actions, onClose }: EntryDetailProps) {
  const { t } = useT()
  const row = rowOf(entry)
  return (
    <section
      className="console-detail"
      aria-labelledby="console-detail-title"
      data-testid="console-detail"
    >
      <header className="console-detail__head">
        <h2 id="console-detail-title">
          {t('console.detail.title')} <code>#{entry.seq}</code>
        </h2>
        <button type="button" className="console-btn console-btn--quiet" onClick={onClose}>
          {t('console.detail.close')}
        </button>
      </header>
      <p className="console-detail__what">
        <code>{entry.type}</code> <time dateTime={entry.at}>{timeOfDay(entry.at)}</time>
      </p>
      {row.links.length > 0 && (
        <ul className="console-detail__links">
          {row.links.map((link) => (
            <li key={`${link.kind}:${link.id}`}>
              <AppLink to={consoleObjectPath(link.kind, link.id, world)}>
                {t(`console.object.kinds.${link.kind}`)} <code>{link.id}</code>
              </AppLink>
            </li>
          ))}
        </ul>
      )}
      {entry.kind === 'call' && isCall(entry.detail) && <CallDetail call={entry.detail} />}
      {entry.kind === 'delivery' && isDelivery(entry.detail) && (
        <DeliveryDetail delivery={entry.detail} actions={actions} />
      )}
      {entry.kind === 'event' && (
        <Block title={t('console.detail.event')} text={JSON.stringify(entry.detail, null, 2)} />
      )}
    </section>
  )
}

function CallDetail({ call }: { call: ConsoleCall }) {
  const { t } = useT()
  const signature = {
    ok: t('console.detail.signatureOk'),
    bad: t('console.detail.signatureBad'),
    none: t('console.detail.signatureNone'),
  }[call.signature]
  return (
    <>
      <dl className="console-facts">
        <dt>{t('console.detail.status')}</dt>
        <dd>{call.status}</dd>
        <dt>{t('console.detail.latency')}</dt>
        <dd>{call.ms.toFixed(1)} ms</dd>
        <dt>{t('console.detail.signature')}</dt>
        <dd data-testid="console-signature">{signature}</dd>
      </dl>
      <Block
        title={`${t('console.detail.request')} · ${t('console.detail.headers')}`}
        text={headerText(call.requestHeaders)}
      />
      <Block
        title={`${t('console.detail.request')} · ${t('console.detail.body')}`}
        text={pretty(call.requestBody)}
      />
      <Block
        title={`${t('console.detail.response')} · ${t('console.detail.headers')}`}
        text={headerText(call.responseHeaders)}
      />
      <Block
        title={`${t('console.detail.response')} · ${t('console.detail.body')}`}
        text={pretty(call.responseBody)}
      />
    </>
  )
}

function DeliveryDetail({ delivery, actions }: { delivery: ConsoleDelivery; actions: boolean }) {
  const { t } = useT()
  return (
    <>
      <dl className="console-facts">
        <dt>{t('console.detail.attempt', { n: delivery.attempt })}</dt>
        <dd data-testid="console-outcome">{t(`console.detail.outcome.${delivery.outcome}`)}</dd>
        <dt>{t('console.detail.status')}</dt>
        <dd>{delivery.status ?? t('console.detail.noAnswer')}</dd>
        <dt>{t('console.detail.latency')}</dt>
        <dd>{delivery.ms.toFixed(1)} ms</dd>
        <dt>{t('console.detail.nextRetry')}</dt>
        <dd>
          {delivery.nextRetryAt ? timeOfDay(delivery.nextRetryAt) : t('console.detail.noRetry')}
        </dd>
      </dl>
      {actions && (
        <ActionButton
          testId="console-resend"
          label={t('console.detail.resend')}
          run={() => consoleActions.resend(delivery.notificationId)}
        />
      )}
      <Block
        title={`${t('console.detail.request')} · ${t('console.detail.headers')}`}
        text={`${delivery.method} ${delivery.url}\n${headerText(delivery.requestHeaders)}`}
      />
      <div className="console-detail__pair">
        <Block title={t('console.detail.ciphertext')} text={pretty(delivery.requestBody)} />
        <Block
          title={t('console.detail.decrypted')}
          text={
            delivery.decrypted === null
              ? t('console.detail.hidden')
              : JSON.stringify(delivery.decrypted, null, 2)
          }
        />
      </div>
      <Block
        title={`${t('console.detail.response')} · ${t('console.detail.body')}`}
        text={pretty(delivery.responseBody)}
      />
    </>
  )
}

function Block({ title, text }: { title: string; text: string }) {
  return (
    <figure className="console-block">
      <figcaption>{title}</figcaption>
      <pre tabIndex={0}>{text || '—'}</pre>
    </figure>
  )
}

const headerText = (headers: Record<string, string>) =>
  Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n')

/** A JSON body indented; anything else as it came. */
function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}
