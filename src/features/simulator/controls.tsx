import type { ReactNode } from 'react'

/** An inset group of rows under a small title, with an optional note below (iOS Settings). */
export function Group({
  id,
  title,
  footer,
  children,
}: {
  id: string
  title: string
  footer?: ReactNode
  children: ReactNode
}) {
  return (
    <section className="sim-group" aria-labelledby={id}>
      <h3 id={id} className="sim-group__title">
        {title}
      </h3>
      <div className="sim-group__rows">{children}</div>
      {footer && <div className="sim-group__foot">{footer}</div>}
    </section>
  )
}

export interface Option<V extends string> {
  value: V
  label: string
  /** A second line under the label. */
  desc?: string | undefined
  /** A code-like tag after the label (a persona id, a URL form). */
  code?: string | undefined
  lang?: string | undefined
}

interface RadioProps<V extends string> {
  name: string
  label: string
  value: V
  options: readonly Option<V>[]
  onChange: (value: V) => void
  disabled?: boolean | undefined
}

/** A short choice as a segmented control: real radio buttons, drawn as one pill track. */
export function Segmented<V extends string>({
  name,
  label,
  value,
  options,
  onChange,
  disabled,
  stacked = false,
}: RadioProps<V> & { stacked?: boolean }) {
  const labelId = `sim-${name}-label`
  return (
    <div className={stacked ? 'sim-row sim-row--stacked' : 'sim-row'}>
      <span id={labelId} className="sim-row__label">
        {label}
      </span>
      <div className="sim-seg" role="radiogroup" aria-labelledby={labelId}>
        {options.map((o) => (
          <label key={o.value} className="sim-seg__opt">
            <input
              type="radio"
              name={`sim-${name}`}
              value={o.value}
              checked={value === o.value}
              disabled={disabled}
              onChange={() => onChange(o.value)}
            />
            <span lang={o.lang}>{o.label}</span>
          </label>
        ))}
      </div>
    </div>
  )
}

/** A longer choice as rows with a tick on the chosen one; each row may explain itself on a second line. */
export function ChoiceList<V extends string>({
  name,
  label,
  value,
  options,
  onChange,
  disabled,
  showLabel = false,
}: RadioProps<V> & { showLabel?: boolean }) {
  const labelId = `sim-${name}-label`
  return (
    <div className="sim-choices" role="radiogroup" aria-labelledby={labelId}>
      <span id={labelId} className={showLabel ? 'sim-choices__label' : 'sim-visually-hidden'}>
        {label}
      </span>
      {options.map((o) => {
        // Named by its label (and code), described by its second line: "余额不足 low_balance".
        const nameId = `sim-${name}-${o.value}-name`
        const descId = `sim-${name}-${o.value}-desc`
        return (
          <label key={o.value} className="sim-choice">
            <input
              type="radio"
              name={`sim-${name}`}
              value={o.value}
              checked={value === o.value}
              disabled={disabled}
              aria-labelledby={nameId}
              aria-describedby={o.desc ? descId : undefined}
              onChange={() => onChange(o.value)}
            />
            <span className="sim-choice__text">
              <span id={nameId} className="sim-choice__name">
                {o.label}
                {o.code && ' '}
                {o.code && <code className="sim-code">{o.code}</code>}
              </span>
              {o.desc && (
                <span id={descId} className="sim-choice__desc">
                  {o.desc}
                </span>
              )}
            </span>
            <svg
              className="sim-choice__tick"
              width="18"
              height="18"
              viewBox="0 0 24 24"
              aria-hidden="true"
            >
              <path
                d="m5 12.5 4.5 4.5L19 7.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="2.6"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
          </label>
        )
      })}
    </div>
  )
}

/** An on/off row: a checkbox with the switch role, drawn as an iOS switch. */
export function SwitchRow({
  label,
  checked,
  onChange,
  disabled,
}: {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  disabled?: boolean | undefined
}) {
  return (
    <label className="sim-row">
      <span className="sim-row__label">{label}</span>
      <input
        type="checkbox"
        role="switch"
        className="sim-switch"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
    </label>
  )
}
