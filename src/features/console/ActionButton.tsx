import { useState } from 'react'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { showToast } from '@/lib/toast.ts'

interface ActionButtonProps {
  label: string
  run: () => Promise<unknown>
  testId?: string
  disabled?: boolean
}

/** A console action: busy while it runs (no double send), a toast when done, the error said if not. */
export function ActionButton({ label, run, testId, disabled }: ActionButtonProps) {
  const { t, lang } = useT()
  const [busy, setBusy] = useState(false)
  const click = () => {
    setBusy(true)
    run().then(
      () => {
        setBusy(false)
        showToast(t('console.actions.done'))
      },
      (error: unknown) => {
        setBusy(false)
        showToast(errorText(t, lang, error))
      },
    )
  }
  return (
    <button
      type="button"
      className="console-btn"
      data-testid={testId}
      disabled={busy || disabled}
      aria-busy={busy}
      onClick={click}
    >
      {label}
    </button>
  )
}
