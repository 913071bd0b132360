import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { loadMessages, useT } from '@/lib/i18n/i18n.ts'
import { useTopSheet } from '@/ui/useTopSheet.ts'
import './sim-button.css'

// The panel and its strings (the `sim` namespace) arrive together.
const loadPanel = async () =>
  (await Promise.all([import('./SimPanel.tsx'), loadMessages('sim')]))[0]
const SimPanel = lazy(async () => ({ default: (await loadPanel()).SimPanel }))

/** The panel's own dialog: the button never moves into it. */
const isOwnPanel = (dialog: HTMLDialogElement) => dialog.dataset.testid === 'sim-sheet'

/**
 * The simulator's floating button, on every screen. Only this button is in the first chunk: the panel
 * loads on first open (or as soon as a pointer or the keyboard comes near). Open or not is never kept.
 */
export function SimButton() {
  const { t } = useT()
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const wasOpen = useRef(false)
  useEffect(() => {
    // Closed: focus comes back to the button (the dialog leaves the DOM, so the browser won't do it).
    if (wasOpen.current && !open) buttonRef.current?.focus()
    wasOpen.current = open
  }, [open])
  const warm = () => void loadPanel().catch(() => undefined)
  // Over a cashier, a sheet or a dialog (the page behind them is inert) the button goes into the one on
  // top, so the simulator can be changed mid-payment; its own panel it leaves alone.
  const topSheet = useTopSheet(isOwnPanel)
  const host = !open && topSheet ? topSheet : null
  const button = (
    <button
      ref={buttonRef}
      type="button"
      className="sim-fab"
      data-testid="sim-panel"
      aria-label={t('sim.open')}
      aria-haspopup="dialog"
      aria-expanded={open}
      onPointerEnter={warm}
      onFocus={warm}
      onClick={() => setOpen(true)}
    >
      <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          d="M4 7h9M17 7h3M4 17h3M11 17h9"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        />
        <circle cx="15" cy="7" r="2.2" fill="none" stroke="currentColor" strokeWidth="2" />
        <circle cx="9" cy="17" r="2.2" fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
    </button>
  )
  return (
    <>
      {host ? createPortal(button, host) : button}
      {open && (
        <Suspense fallback={null}>
          <SimPanel onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  )
}
