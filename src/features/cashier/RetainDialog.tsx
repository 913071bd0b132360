import { useEffect, useRef } from 'react'
import { useT } from '@/lib/i18n/i18n.ts'
import { Countdown } from '@/ui/Countdown.tsx'

interface RetainDialogProps {
  /** When the order closes (gateway clock). */
  deadlineAt: string
  /** 继续支付, or Escape: back to the cashier as it was. */
  onStay: () => void
  /** 确认离开: the order waits, unpaid, in my orders. */
  onLeave: () => void
}

/**
 * Taobao's "确定要放弃付款吗？" on closing the cashier: a modal <dialog> (showModal) over the cashier, so
 * focus stays in it and Escape means "keep paying".
 */
export function RetainDialog({ deadlineAt, onStay, onLeave }: RetainDialogProps) {
  const { t } = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const stayRef = useRef<HTMLButtonElement>(null)
  const onStayRef = useRef(onStay)
  useEffect(() => {
    onStayRef.current = onStay
  })

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    // The safe choice takes the focus, as in Taobao (showModal would give it to the first button).
    stayRef.current?.focus()
    let unmounting = false
    const onCancel = (event: Event) => {
      event.preventDefault()
      onStayRef.current()
    }
    // The browser may close it by itself (a second Escape with no tap between): that too means "stay".
    const onClosed = () => {
      if (!unmounting && !dialog.open) onStayRef.current()
    }
    // A modal dialog lets Tab wander out to the browser's own controls: keep it going round the buttons.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return
      const buttons = [...dialog.querySelectorAll('button')]
      const first = buttons[0]
      const last = buttons.at(-1)
      const active = document.activeElement
      if (event.shiftKey ? active === first : active === last) {
        event.preventDefault()
        ;(event.shiftKey ? last : first)?.focus()
      }
    }
    dialog.addEventListener('cancel', onCancel)
    dialog.addEventListener('close', onClosed)
    dialog.addEventListener('keydown', onKey)
    return () => {
      unmounting = true
      dialog.removeEventListener('cancel', onCancel)
      dialog.removeEventListener('close', onClosed)
      dialog.removeEventListener('keydown', onKey)
      if (dialog.open) dialog.close()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className="retain"
      data-testid="retain-dialog"
      aria-labelledby="retain-title"
      aria-describedby="retain-body"
    >
      <h2 id="retain-title" className="retain__title">
        {t('cashier.retain.title')}
      </h2>
      <p id="retain-body" className="retain__body">
        <Countdown deadline={deadlineAt} className="retain__time">
          {(time) => t('cashier.retain.body', { time })}
        </Countdown>
      </p>
      <div className="retain__actions">
        <button type="button" className="retain__btn" onClick={onLeave}>
          {t('cashier.retain.leave')}
        </button>
        <button
          ref={stayRef}
          type="button"
          className="retain__btn retain__btn--stay"
          onClick={onStay}
        >
          {t('cashier.retain.stay')}
        </button>
      </div>
    </dialog>
  )
}
