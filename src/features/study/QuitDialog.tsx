import { useId, useRef } from 'react'
import type { Failure } from '@/lib/failure.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useModalDialog } from '@/ui/useModalDialog.ts'
import { studyErrorText } from './errors.ts'

/**
 * 退出研究？ A modal dialog (the page behind inert, focus kept inside, Escape cancels): the safe answer,
 * carrying on, has the focus.
 */
export function QuitDialog(props: {
  sending: boolean
  error: Failure | null
  onConfirm: () => void
  onCancel: () => void
  /** Give up this task and go on to the next (while a task runs and another follows). */
  onAbandon?: (() => void) | undefined
}) {
  const { t, lang } = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const stay = useRef<HTMLButtonElement>(null)
  const title = useId()
  const body = useId()
  const { sending, onCancel } = props
  useModalDialog(ref, () => !sending && onCancel(), {
    initialFocus: stay,
    trapTab: '.study-dialog__box',
  })
  return (
    <dialog
      ref={ref}
      className="study-dialog"
      role="alertdialog"
      aria-labelledby={title}
      aria-describedby={body}
    >
      <div className="study-dialog__box" data-testid="study-quit-dialog">
        <h2 id={title} className="study-dialog__title">
          {t('study.quit.title')}
        </h2>
        <p id={body} className="study-dialog__body">
          {t('study.quit.body')}
        </p>
        {props.error && (
          <p className="study__error" role="alert">
            {studyErrorText(t, lang, props.error)}
          </p>
        )}
        <div className="study-dialog__actions">
          <button
            type="button"
            className="study-btn study-btn--danger"
            data-testid="study-quit-confirm"
            onClick={props.onConfirm}
            disabled={sending}
          >
            {sending ? t('study.quit.sending') : t('study.quit.confirm')}
          </button>
          {props.onAbandon && (
            <button
              type="button"
              className="study-btn"
              data-testid="study-task-abandon"
              onClick={props.onAbandon}
              disabled={sending}
            >
              {t('study.quit.abandon')}
            </button>
          )}
          <button
            ref={stay}
            type="button"
            className="study-btn"
            data-testid="study-quit-cancel"
            onClick={onCancel}
            disabled={sending}
          >
            {t('study.quit.cancel')}
          </button>
        </div>
      </div>
    </dialog>
  )
}
