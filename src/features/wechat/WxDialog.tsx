import { useEffect, useRef } from 'react'
import { Modal } from '@/ui/Modal.tsx'

interface WxDialogProps {
  title?: string
  text: string
  /** Buttons, the last one primary (green); Escape answers with the first, unless `onCancel` says. */
  actions: readonly [
    { label: string; onClick: () => void },
    ...{ label: string; onClick: () => void }[],
  ]
  /** What Escape does, where the first button is not the safe answer (忘记密码 | 重试). */
  onCancel?: () => void
  testId?: string
}

/** WeChat's alert: a white rounded box, centred over a dimmed screen, buttons across its foot. */
export function WxDialog({ title, text, actions, onCancel, testId }: WxDialogProps) {
  const primary = useRef<HTMLButtonElement>(null)
  return (
    <Modal
      role="alertdialog"
      className="wx-overlay wx-overlay--center"
      label={title ?? text}
      testId={testId}
      initialFocus={primary}
      onCancel={onCancel ?? actions[0].onClick}
    >
      <div className="wx-dialog">
        {title && <p className="wx-dialog__title">{title}</p>}
        <p className="wx-dialog__text">{text}</p>
        <div className="wx-dialog__actions">
          {actions.map((a, i) => (
            <button
              key={a.label}
              ref={i === actions.length - 1 ? primary : undefined}
              type="button"
              className={i === actions.length - 1 ? 'wx-dialog__primary' : undefined}
              onClick={a.onClick}
            >
              {a.label}
            </button>
          ))}
        </div>
      </div>
    </Modal>
  )
}

interface ActionSheetProps {
  label: string
  items: readonly { label: string; onClick: () => void }[]
  cancelLabel: string
  onCancel: () => void
}

/** WeChat's bottom action sheet: white rows, a gap, 取消. */
export function ActionSheet({ label, items, cancelLabel, onCancel }: ActionSheetProps) {
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    first.current?.focus()
  }, [])
  return (
    <div className="wx-overlay" onClick={onCancel}>
      <div
        className="wx-actions"
        role="menu"
        aria-label={label}
        onClick={(e) => e.stopPropagation()}
      >
        {items.map((item, i) => (
          <button
            key={item.label}
            ref={i === 0 ? first : undefined}
            type="button"
            role="menuitem"
            className="wx-actions__item"
            onClick={item.onClick}
          >
            {item.label}
          </button>
        ))}
        <button type="button" className="wx-actions__cancel" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  )
}
