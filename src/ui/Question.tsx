import { useRef, type ReactNode } from 'react'
import { Modal } from './Modal.tsx'
import './question.css'

interface Answer {
  label: ReactNode
  onClick: () => void
  testId?: string
  disabled?: boolean
}

interface QuestionProps {
  /** Whose alert it is (its classes: `retain` for the cashier's own, `wx-return` for the jump's). */
  look: 'retain' | 'wx-return'
  title: string
  titleId: string
  body: ReactNode
  bodyId?: string
  /** The other answer, then the one Taobao puts first (it takes the focus). */
  answers: readonly [Answer, Answer]
  testId: string
  role?: 'dialog' | 'alertdialog'
  /** Escape. */
  onCancel: () => void
}

/** Taobao's centred question (over the cashier, an order): a title, a line, two answers side by side. */
export function Question({
  look,
  title,
  titleId,
  body,
  bodyId,
  answers,
  testId,
  role,
  onCancel,
}: QuestionProps) {
  const primary = useRef<HTMLButtonElement>(null)
  return (
    <Modal
      role={role}
      cover="screen"
      className={look}
      labelledBy={titleId}
      describedBy={bodyId}
      testId={testId}
      initialFocus={primary}
      onCancel={onCancel}
    >
      <div className={`${look}__box`}>
        <h2 id={titleId} className={`${look}__title`}>
          {title}
        </h2>
        <p id={bodyId} className={`${look}__body`}>
          {body}
        </p>
        <div className={`${look}__actions`}>
          {answers.map((answer, i) => (
            <button
              key={i}
              ref={i === 1 ? primary : undefined}
              type="button"
              className={i === 1 ? `${look}__btn ${look}__btn--primary` : `${look}__btn`}
              data-testid={answer.testId}
              disabled={answer.disabled}
              onClick={answer.onClick}
            >
              {answer.label}
            </button>
          ))}
        </div>
      </div>
    </Modal>
  )
}
