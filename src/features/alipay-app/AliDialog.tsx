import { useRef } from 'react'
import { Modal } from '@/ui/Modal.tsx'

interface AliDialogProps {
  title?: string | undefined
  text: string
  okLabel: string
  onOk: () => void
  testId?: string
}

/** 支付宝's alert: a white rounded box over the dimmed screen, one blue answer across its foot. */
export function AliDialog({ title, text, okLabel, onOk, testId }: AliDialogProps) {
  const ok = useRef<HTMLButtonElement>(null)
  return (
    <Modal
      role="alertdialog"
      className="ali-app-dialog-layer"
      label={title ?? text}
      describedBy={title ? 'ali-app-dialog-text' : undefined}
      testId={testId}
      initialFocus={ok}
      onCancel={onOk}
    >
      <div className="ali-app-dialog">
        {title && <p className="ali-app-dialog__title">{title}</p>}
        <p className="ali-app-dialog__text" id="ali-app-dialog-text">
          {text}
        </p>
        <button ref={ok} type="button" className="ali-app-dialog__ok" onClick={onOk}>
          {okLabel}
        </button>
      </div>
    </Modal>
  )
}
