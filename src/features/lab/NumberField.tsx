import { useId, useState } from 'react'

interface NumberFieldProps {
  label: string
  /** The value as the field first shows it. */
  initial: string
  parse: (text: string) => number | null
  onValid: (value: number) => void
  invalidText: string
  testId?: string
}

/** A labelled text field for a number: what is typed stays, and only a valid number reaches `onValid`. */
export function NumberField({
  label,
  initial,
  parse,
  onValid,
  invalidText,
  testId,
}: NumberFieldProps) {
  const id = useId()
  const [text, setText] = useState(initial)
  const invalid = parse(text) === null
  return (
    <div className="lab-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="decimal"
        value={text}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value)
          const value = parse(e.target.value)
          if (value !== null) onValid(value)
        }}
      />
      {invalid && (
        <span id={`${id}-error`} className="lab-field__error">
          {invalidText}
        </span>
      )}
    </div>
  )
}
