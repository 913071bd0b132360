import { useId, useRef, useState } from 'react'
import { useT } from '@/lib/i18n/i18n.ts'

/** One rating scale as a real radio group: native radios in a row, the two ends named under them. */
function Scale(props: {
  name: string
  count: number
  value: number | null
  onChange: (value: number) => void
  labelledBy: string
  low: string
  high: string
  invalid: boolean
  testId: string
}) {
  const { t } = useT()
  const { name, count, value, low, high } = props
  return (
    <div
      role="radiogroup"
      aria-labelledby={props.labelledBy}
      aria-required="true"
      aria-invalid={props.invalid || undefined}
      className={`scale scale--${count}`}
      data-testid={props.testId}
    >
      <div className="scale__options">
        {Array.from({ length: count }, (_, i) => i + 1).map((n) => (
          <label key={n} className="scale__option">
            <input
              type="radio"
              name={name}
              value={n}
              checked={value === n}
              onChange={() => props.onChange(n)}
              data-testid={`${props.testId}-${n}`}
            />
            <span className="scale__n" aria-hidden="true">
              {n}
            </span>
            <span className="visually-hidden">
              {t('study.seq.option', { n })}
              {n === 1 ? `, ${low}` : n === count ? `, ${high}` : ''}
            </span>
          </label>
        ))}
      </div>
      <div className="scale__ends" aria-hidden="true">
        <span>{low}</span>
        <span>{high}</span>
      </div>
    </div>
  )
}

/** The Single Ease Question after a task: 1 (very difficult) to 7 (very easy). */
export function SeqQuestion(props: {
  taskNumber: number
  sending: boolean
  onSubmit: (value: number) => void
}) {
  const { t } = useT()
  const [value, setValue] = useState<number | null>(null)
  const [missing, setMissing] = useState(false)
  const question = useId()
  return (
    <form
      className="study__card"
      data-testid="study-seq"
      onSubmit={(e) => {
        e.preventDefault()
        if (value === null) setMissing(true)
        else props.onSubmit(value)
      }}
      noValidate
    >
      <h1 className="study__heading">{t('study.seq.heading', { n: props.taskNumber })}</h1>
      <p id={question} className="study__question">
        {t('study.seq.question')}
      </p>
      <Scale
        name="seq"
        count={7}
        value={value}
        onChange={(n) => {
          setValue(n)
          setMissing(false)
        }}
        labelledBy={question}
        low={t('study.seq.low')}
        high={t('study.seq.high')}
        invalid={missing}
        testId="study-seq-scale"
      />
      {missing && (
        <p className="study__error" role="alert">
          {t('study.seq.required')}
        </p>
      )}
      <button
        type="submit"
        className="study-btn study-btn--primary study-btn--wide"
        data-testid="study-seq-submit"
        disabled={props.sending}
      >
        {props.sending ? t('study.sending') : t('study.seq.submit')}
      </button>
    </form>
  )
}

const SUS_ITEMS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10'] as const

/** The System Usability Scale (Brooke 1996): ten statements, each 1 (strongly disagree) to 5, all required. */
export function SusQuestionnaire(props: {
  sending: boolean
  onSubmit: (answers: readonly number[]) => void
}) {
  const { t } = useT()
  const [answers, setAnswers] = useState<(number | null)[]>(() => SUS_ITEMS.map(() => null))
  const [checked, setChecked] = useState(false)
  const id = useId()
  const form = useRef<HTMLFormElement>(null)
  const unanswered = answers.filter((a) => a === null).length
  return (
    <form
      ref={form}
      className="study__card"
      data-testid="study-sus"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        setChecked(true)
        const complete = answers.filter((a): a is number => a !== null)
        if (complete.length === SUS_ITEMS.length) {
          props.onSubmit(complete)
          return
        }
        const first = answers.findIndex((a) => a === null)
        form.current
          ?.querySelector<HTMLInputElement>(`[data-testid="study-sus-${first + 1}-1"]`)
          ?.focus()
      }}
    >
      <h1 className="study__heading">{t('study.sus.heading')}</h1>
      <p className="study__text">{t('study.sus.intro')}</p>
      <ol className="sus">
        {SUS_ITEMS.map((item, i) => {
          const labelId = `${id}-${item}`
          return (
            <li key={item} className="sus__item">
              <p id={labelId} className="sus__statement">
                <span className="sus__n">{i + 1}.</span> {t(`study.sus.items.${item}`)}
              </p>
              <Scale
                name={`sus-${item}`}
                count={5}
                value={answers[i] ?? null}
                onChange={(n) => setAnswers((old) => old.map((a, j) => (j === i ? n : a)))}
                labelledBy={labelId}
                low={t('study.sus.low')}
                high={t('study.sus.high')}
                invalid={checked && answers[i] === null}
                testId={`study-sus-${i + 1}`}
              />
            </li>
          )
        })}
      </ol>
      {checked && unanswered > 0 && (
        <p className="study__error" role="alert">
          {t('study.sus.missing', { n: unanswered })}
        </p>
      )}
      <button
        type="submit"
        className="study-btn study-btn--primary study-btn--wide"
        data-testid="study-sus-submit"
        disabled={props.sending}
      >
        {props.sending ? t('study.sending') : t('study.sus.submit')}
      </button>
    </form>
  )
}
