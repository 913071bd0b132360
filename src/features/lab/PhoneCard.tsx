import { useT } from '@/lib/i18n/i18n.ts'
import type { FlowId } from './flows.ts'
import { phoneName, type LabRun } from './run.ts'
import { figuresOf } from './figures.ts'

export interface PhoneFrames {
  runId: string
  src: string
  friendSrc: string | null
}

interface PhoneCardProps {
  flow: FlowId
  frames: PhoneFrames | null
  run: LabRun | null
  playing: boolean
  onAutoplay: () => void
  onByHand: () => void
  onStop: () => void
  onOpenLink?: (() => void) | undefined
  /** By hand, the friend's link was asked for before the shopper's phone showed one. */
  linkMissing?: boolean
}

function RunStatus({ run, playing }: { run: LabRun | null; playing: boolean }) {
  const { t } = useT()
  if (!run) return <>{t('lab.phone.status.idle')}</>
  if (run.done) {
    const seconds = (figuresOf(run.events).elapsedMs / 1000).toFixed(1)
    return <>{t('lab.phone.status.done', { seconds })}</>
  }
  if (run.failure) return <>{t('lab.phone.status.failed', { step: run.failure })}</>
  return (
    <>
      {playing || run.mode === 'hand'
        ? t('lab.phone.status.running')
        : t('lab.phone.status.stopped')}
    </>
  )
}

/** One route: its phone (and the friend's, for ask-a-friend), run by autoplay or by hand. */
export function PhoneCard(props: PhoneCardProps) {
  const { flow, frames, run, playing } = props
  const { t } = useT()
  const headingId = `lab-flow-${flow}`
  return (
    <section className="lab-phone" aria-labelledby={headingId} data-testid={`lab-phone-${flow}`}>
      <h3 id={headingId}>{t(`lab.flows.${flow}.name`)}</h3>
      <p className="lab-phone__route">{t(`lab.flows.${flow}.route`)}</p>
      <div className="lab-phone__actions">
        <button
          type="button"
          className="lab-btn lab-btn--primary"
          onClick={props.onAutoplay}
          disabled={playing}
        >
          {t('lab.phone.autoplay')}
        </button>
        <button type="button" className="lab-btn" onClick={props.onByHand} disabled={playing}>
          {t('lab.phone.byHand')}
        </button>
        {playing && (
          <button type="button" className="lab-btn" onClick={props.onStop}>
            {t('lab.phone.stop')}
          </button>
        )}
      </div>
      <p
        className="lab-phone__status"
        role="status"
        data-testid={`lab-status-${flow}`}
        data-done={run?.done ?? false}
      >
        <RunStatus run={run} playing={playing} />
      </p>
      <div className="lab-phone__devices">
        <figure className="lab-device">
          {frames ? (
            <div className="lab-device__screen">
              <iframe
                key={frames.runId}
                name={phoneName(flow, 'shopper')}
                data-run={frames.runId}
                title={`${t(`lab.flows.${flow}.name`)} · ${t('lab.phone.shopper')}`}
                src={frames.src}
                allow="clipboard-read; clipboard-write"
              />
            </div>
          ) : (
            <div className="lab-device__screen lab-device__screen--empty">
              {t('lab.phone.empty')}
            </div>
          )}
          <figcaption>{t('lab.phone.shopper')}</figcaption>
        </figure>
        {flow === 'friend' && (
          <figure className="lab-device">
            {frames?.friendSrc ? (
              <div className="lab-device__screen">
                <iframe
                  key={`${frames.runId}-friend`}
                  name={phoneName(flow, 'friend')}
                  data-run={frames.runId}
                  title={`${t(`lab.flows.${flow}.name`)} · ${t('lab.phone.friend')}`}
                  src={frames.friendSrc}
                />
              </div>
            ) : (
              <div className="lab-device__screen lab-device__screen--empty">
                {frames && props.onOpenLink && !playing ? (
                  <div className="lab-device__ask">
                    <button type="button" className="lab-btn" onClick={props.onOpenLink}>
                      {t('lab.phone.openLink')}
                    </button>
                    {props.linkMissing && <p role="alert">{t('lab.phone.noLink')}</p>}
                  </div>
                ) : (
                  t('lab.phone.empty')
                )}
              </div>
            )}
            <figcaption>{t('lab.phone.friend')}</figcaption>
          </figure>
        )}
      </div>
    </section>
  )
}
