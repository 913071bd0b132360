import { useEffect, useState } from 'react'
import type { NotifyFault, NotifySign } from '@/contract/test-api.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Modal } from '@/ui/Modal.tsx'
import { ActionButton } from './ActionButton.tsx'
import { consoleActions, fetchFaults } from './console-api.ts'

const MINUTE = 60_000
const NOTIFY: readonly NotifyFault[] = ['normal', 'drop', 'duplicate', 'delay']
const SIGN: readonly NotifySign[] = ['valid', 'wrong', 'signtest']

/** The world's own switches: reset, the test clock, how the next notifications go out. */
export function ActionsBar() {
  const { t } = useT()
  const [asking, setAsking] = useState(false)
  const [faults, setFaults] = useState<{ notify: NotifyFault; notifySign: NotifySign } | null>(null)
  useEffect(() => {
    const abort = new AbortController()
    fetchFaults(abort.signal).then(setFaults, () => setFaults(null))
    return () => abort.abort()
  }, [])
  const notifyWord: Record<NotifyFault, string> = {
    normal: t('console.actions.notifyNormal'),
    drop: t('console.actions.notifyDrop'),
    duplicate: t('console.actions.notifyDuplicate'),
    delay: t('console.actions.notifyDelay'),
  }
  const signWord: Record<NotifySign, string> = {
    valid: t('console.actions.signValid'),
    wrong: t('console.actions.signWrong'),
    signtest: t('console.actions.signSigntest'),
  }
  return (
    <section className="console-actions" aria-label={t('console.actions.title')}>
      <button
        type="button"
        className="console-btn console-btn--danger"
        data-testid="console-reset"
        onClick={() => setAsking(true)}
      >
        {t('console.actions.reset')}
      </button>
      <fieldset className="console-actions__group">
        <legend>{t('console.actions.clock')}</legend>
        <ActionButton
          label={t('console.actions.advance1m')}
          run={() => consoleActions.advanceClock(MINUTE)}
        />
        <ActionButton
          label={t('console.actions.advance30m')}
          run={() => consoleActions.advanceClock(30 * MINUTE)}
        />
        <ActionButton
          testId="console-next-retry"
          label={t('console.actions.nextRetry')}
          run={() => consoleActions.clockTo('next-retry')}
        />
        <ActionButton
          label={t('console.actions.nextDeadline')}
          run={() => consoleActions.clockTo('next-deadline')}
        />
      </fieldset>
      <label className="console-actions__group">
        <span>{t('console.actions.notify')}</span>
        <select
          data-testid="console-notify"
          value={faults?.notify ?? 'normal'}
          onChange={(e) => {
            const notify = e.target.value as NotifyFault
            void consoleActions.notify(notify).then(setFaults, () => undefined)
          }}
        >
          {NOTIFY.map((mode) => (
            <option key={mode} value={mode}>
              {notifyWord[mode]}
            </option>
          ))}
        </select>
      </label>
      <label className="console-actions__group">
        <span>{t('console.actions.sign')}</span>
        <select
          data-testid="console-notify-sign"
          value={faults?.notifySign ?? 'valid'}
          onChange={(e) => {
            const sign = e.target.value as NotifySign
            void consoleActions.notifySign(sign).then(setFaults, () => undefined)
          }}
        >
          {SIGN.map((mode) => (
            <option key={mode} value={mode}>
              {signWord[mode]}
            </option>
          ))}
        </select>
      </label>
      {asking && (
        <Modal
          onCancel={() => setAsking(false)}
          role="alertdialog"
          labelledBy="console-reset-q"
          className="console-confirm"
          cover="screen"
          testId="console-reset-dialog"
        >
          <div className="console-confirm__box">
            <p id="console-reset-q">{t('console.actions.resetConfirm')}</p>
            <div className="console-confirm__buttons">
              <button type="button" className="console-btn" onClick={() => setAsking(false)}>
                {t('console.actions.cancel')}
              </button>
              <ActionButton
                testId="console-reset-confirm"
                label={t('console.actions.confirm')}
                run={() => consoleActions.reset().finally(() => setAsking(false))}
              />
            </div>
          </div>
        </Modal>
      )}
    </section>
  )
}
