import { useId, useRef, useState } from 'react'
import { useT } from '@/lib/i18n/i18n.ts'

interface ConfirmButtonProps {
  label: string
  /** An accessible name more precise than the label ("Delete participant p1's data"). */
  ariaLabel?: string
  question: string
  confirmLabel: string
  onConfirm: () => Promise<void>
  testId: string
}

/**
 * A destructive action that asks first, in place: the button opens the question with "Delete" and
 * "Cancel" (Cancel takes the focus, and Escape cancels); what failed is said under it.
 */
export function ConfirmButton(props: ConfirmButtonProps) {
  const { t } = useT()
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const opener = useRef<HTMLButtonElement>(null)
  const id = useId()
  const cancel = () => {
    setAsking(false)
    opener.current?.focus()
  }
  if (!asking) {
    return (
      <span className="study-confirm">
        <button
          ref={opener}
          type="button"
          className="lab-btn lab-btn--danger"
          aria-label={props.ariaLabel}
          data-testid={props.testId}
          onClick={() => {
            setError(null)
            setAsking(true)
          }}
        >
          {props.label}
        </button>
        {error && (
          <span role="alert" className="study-error">
            {error}
          </span>
        )}
      </span>
    )
  }
  return (
    <span
      className="study-confirm study-confirm--asking"
      role="group"
      aria-labelledby={id}
      data-testid={`${props.testId}-dialog`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') cancel()
      }}
    >
      <span id={id} className="study-confirm__question">
        {props.question}
      </span>
      <button
        type="button"
        className="lab-btn lab-btn--danger-solid"
        disabled={busy}
        data-testid={`${props.testId}-confirm`}
        onClick={async () => {
          setBusy(true)
          try {
            await props.onConfirm()
          } catch (cause) {
            setError(t('labStudy.card.deleteFailed', { message: messageOf(cause) }))
            setAsking(false)
          } finally {
            setBusy(false)
          }
        }}
      >
        {props.confirmLabel}
      </button>
      {/* The safe answer takes the focus. */}
      <button type="button" className="lab-btn" autoFocus onClick={cancel}>
        {t('labStudy.card.cancel')}
      </button>
    </span>
  )
}

export function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause)
}
