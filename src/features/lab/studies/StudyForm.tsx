import { useId, useState, type ReactNode } from 'react'
import { STUDY_ROUTES, type StudyRoute } from '@/contract/study.ts'
import { translate, useT } from '@/lib/i18n/i18n.ts'
import { messageOf } from './ConfirmButton.tsx'
import { createStudy } from './study-api.ts'
import {
  initialForm,
  toCreateBody,
  toggleRoute,
  type StudyFormErrors,
  type StudyFormField,
  type StudyFormState,
} from './study-form.ts'
import type { MyStudy } from './my-studies.ts'

const LANGS = ['zh-CN', 'en'] as const

function defaultTasks(lang: StudyFormState['lang']): Record<StudyRoute, string> {
  return Object.fromEntries(
    STUDY_ROUTES.map((route) => [route, translate(lang, `labStudy.tasks.${route}`)]),
  ) as Record<StudyRoute, string>
}

/** A field's error line, tied to its input by `aria-describedby`. */
function FieldError({ id, text }: { id: string; text: string | null }) {
  if (!text) return null
  return (
    <span id={id} className="study-field__error">
      {text}
    </span>
  )
}

function Choice(props: {
  type: 'checkbox' | 'radio'
  name: string
  checked: boolean
  onChange: () => void
  testId: string
  children: ReactNode
  hint?: string
}) {
  return (
    <label className="study-choice">
      <input
        type={props.type}
        name={props.name}
        checked={props.checked}
        onChange={props.onChange}
        data-testid={props.testId}
      />
      <span>
        {props.children}
        {props.hint && <span className="study-choice__hint">{props.hint}</span>}
      </span>
    </label>
  )
}

/** The lab's form for a new study: what `POST /api/lab/studies` takes, with a label and a check per field. */
export function StudyForm({ onCreated }: { onCreated: (study: MyStudy) => void }) {
  const { t, lang: uiLang } = useT()
  const id = useId()
  // The participants speak the lab's language unless the researcher says otherwise.
  const [form, setForm] = useState<StudyFormState>(() => ({
    ...initialForm(defaultTasks(uiLang)),
    lang: uiLang,
  }))
  const [edited, setEdited] = useState<Partial<Record<StudyRoute, true>>>({})
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  const checked = toCreateBody(form)
  const errors: StudyFormErrors = tried && !checked.ok ? checked.errors : {}
  const errorText = (field: StudyFormField) => {
    const error = errors[field]
    return error ? t(`labStudy.form.errors.${error}`) : null
  }
  const fieldId = (field: StudyFormField) => `${id}-${field}`
  const describe = (field: StudyFormField, hint?: string) =>
    [errors[field] ? `${fieldId(field)}-error` : null, hint ?? null].filter(Boolean).join(' ') ||
    undefined
  const update = (patch: Partial<StudyFormState>) => setForm((f) => ({ ...f, ...patch }))

  const setLang = (lang: StudyFormState['lang']) => {
    const defaults = defaultTasks(lang)
    setForm((f) => ({
      ...f,
      lang,
      // Tasks nobody edited follow the participants' language.
      tasks: Object.fromEntries(
        STUDY_ROUTES.map((r) => [r, edited[r] ? f.tasks[r] : defaults[r]]),
      ) as Record<StudyRoute, string>,
    }))
  }

  const submit = async () => {
    setTried(true)
    setFailure(null)
    if (!checked.ok) {
      const first = Object.keys(checked.errors)[0]
      if (first) document.getElementById(fieldId(first as StudyFormField))?.focus()
      return
    }
    setBusy(true)
    try {
      const created = await createStudy(checked.body)
      onCreated({
        id: created.id,
        name: checked.body.name ?? null,
        ownerKey: created.ownerKey,
        createdAt: Date.now(),
        joinUrl: created.joinUrl,
      })
      setTried(false)
    } catch (cause) {
      setFailure(t('labStudy.form.failed', { message: messageOf(cause) }))
    } finally {
      setBusy(false)
    }
  }

  const errorCount = Object.keys(errors).length
  const asksFriend = form.routes.includes('friend')
  return (
    <form
      className="study-form"
      aria-labelledby={`${id}-title`}
      data-testid="study-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <h3 id={`${id}-title`}>{t('labStudy.form.title')}</h3>

      <div className="study-field">
        <label htmlFor={fieldId('name')}>{t('labStudy.form.name')}</label>
        <input
          id={fieldId('name')}
          value={form.name}
          maxLength={120}
          aria-invalid={errors.name !== undefined}
          aria-describedby={describe('name', `${id}-name-hint`)}
          data-testid="study-form-name"
          onChange={(e) => update({ name: e.target.value })}
        />
        <span id={`${id}-name-hint`} className="study-hint">
          {t('labStudy.form.nameHint')}
        </span>
        <FieldError id={`${fieldId('name')}-error`} text={errorText('name')} />
      </div>

      <fieldset
        className="study-fieldset"
        aria-describedby={describe('routes', `${id}-routes-hint`)}
        aria-invalid={errors.routes !== undefined}
      >
        <legend>{t('labStudy.form.routes')}</legend>
        <span id={`${id}-routes-hint`} className="study-hint">
          {t('labStudy.form.routesHint')}
        </span>
        <div className="study-choices study-choices--grid" id={fieldId('routes')} tabIndex={-1}>
          {STUDY_ROUTES.map((route) => (
            <Choice
              key={route}
              type="checkbox"
              name="routes"
              checked={form.routes.includes(route)}
              onChange={() => update({ routes: toggleRoute(form.routes, route) })}
              testId={`study-form-route-${route}`}
            >
              {t(`labStudy.routes.${route}`)}
            </Choice>
          ))}
        </div>
        <FieldError id={`${fieldId('routes')}-error`} text={errorText('routes')} />
      </fieldset>

      <fieldset className="study-fieldset">
        <legend>{t('labStudy.form.design')}</legend>
        <div className="study-choices">
          {(['between', 'within'] as const).map((design) => (
            <Choice
              key={design}
              type="radio"
              name={`${id}-design`}
              checked={form.design === design}
              onChange={() => update({ design })}
              testId={`study-form-design-${design}`}
              hint={t(`labStudy.form.${design}Hint`)}
            >
              {t(`labStudy.form.${design}`)}
            </Choice>
          ))}
        </div>
      </fieldset>

      <fieldset className="study-fieldset">
        <legend>{t('labStudy.form.lang')}</legend>
        <div className="study-choices study-choices--row">
          {LANGS.map((lang) => (
            <Choice
              key={lang}
              type="radio"
              name={`${id}-lang`}
              checked={form.lang === lang}
              onChange={() => setLang(lang)}
              testId={`study-form-lang-${lang}`}
            >
              <span lang={lang}>{t(`labStudy.langs.${lang}`)}</span>
            </Choice>
          ))}
        </div>
      </fieldset>

      {form.routes.length > 0 && (
        <fieldset className="study-fieldset">
          <legend>{t('labStudy.form.tasks')}</legend>
          <span className="study-hint">{t('labStudy.form.tasksHint')}</span>
          {form.routes.map((route) => {
            const field = `task-${route}` as const
            return (
              <div className="study-field" key={route}>
                <label htmlFor={fieldId(field)}>
                  {t('labStudy.form.taskFor', { route: t(`labStudy.routes.${route}`) })}
                </label>
                <textarea
                  id={fieldId(field)}
                  lang={form.lang}
                  rows={2}
                  value={form.tasks[route]}
                  aria-invalid={errors[field] !== undefined}
                  aria-describedby={describe(field)}
                  data-testid={`study-form-task-${route}`}
                  onChange={(e) => {
                    setEdited((x) => ({ ...x, [route]: true }))
                    update({ tasks: { ...form.tasks, [route]: e.target.value } })
                  }}
                />
                <FieldError id={`${fieldId(field)}-error`} text={errorText(field)} />
              </div>
            )
          })}
        </fieldset>
      )}

      {asksFriend && (
        <fieldset className="study-fieldset">
          <legend>{t('labStudy.form.friend')}</legend>
          <div className="study-choices">
            <Choice
              type="radio"
              name={`${id}-friend`}
              checked={form.friend === 'scripted'}
              onChange={() => update({ friend: 'scripted' })}
              testId="study-form-friend-scripted"
            >
              {t('labStudy.form.friendScripted')}
            </Choice>
            {form.friend === 'scripted' && (
              <div className="study-delay">
                {(['delayMin', 'delayMax'] as const).map((field) => (
                  <div className="study-field study-field--short" key={field}>
                    <label htmlFor={fieldId(field)}>{t(`labStudy.form.${field}`)}</label>
                    <input
                      id={fieldId(field)}
                      inputMode="decimal"
                      value={form[field]}
                      aria-invalid={errors[field] !== undefined}
                      aria-describedby={describe(field)}
                      data-testid={`study-form-${field === 'delayMin' ? 'delay-min' : 'delay-max'}`}
                      onChange={(e) => update({ [field]: e.target.value })}
                    />
                    <FieldError id={`${fieldId(field)}-error`} text={errorText(field)} />
                  </div>
                ))}
              </div>
            )}
            <Choice
              type="radio"
              name={`${id}-friend`}
              checked={form.friend === 'participant'}
              onChange={() => update({ friend: 'participant' })}
              testId="study-form-friend-participant"
            >
              {t('labStudy.form.friendParticipant')}
            </Choice>
          </div>
        </fieldset>
      )}

      <fieldset className="study-fieldset">
        <legend>{t('labStudy.form.questions')}</legend>
        <div className="study-choices">
          <Choice
            type="checkbox"
            name="seq"
            checked={form.seq}
            onChange={() => update({ seq: !form.seq })}
            testId="study-form-seq"
          >
            {t('labStudy.form.seq')}
          </Choice>
          <Choice
            type="checkbox"
            name="sus"
            checked={form.sus}
            onChange={() => update({ sus: !form.sus })}
            testId="study-form-sus"
          >
            {t('labStudy.form.sus')}
          </Choice>
        </div>
      </fieldset>

      <div className="study-field study-field--short">
        <label htmlFor={fieldId('target')}>{t('labStudy.form.target')}</label>
        <input
          id={fieldId('target')}
          inputMode="numeric"
          value={form.target}
          aria-invalid={errors.target !== undefined}
          aria-describedby={describe('target', `${id}-target-hint`)}
          data-testid="study-form-target"
          onChange={(e) => update({ target: e.target.value })}
        />
        <span id={`${id}-target-hint`} className="study-hint">
          {t('labStudy.form.targetHint')}
        </span>
        <FieldError id={`${fieldId('target')}-error`} text={errorText('target')} />
      </div>

      <div className="study-form__submit">
        <button
          type="submit"
          className="lab-btn lab-btn--primary"
          disabled={busy}
          data-testid="study-create"
        >
          {busy ? t('labStudy.form.submitting') : t('labStudy.form.submit')}
        </button>
        <span role="alert" className="study-error" data-testid="study-form-error">
          {failure ?? (errorCount > 0 ? t('labStudy.form.invalid', { count: errorCount }) : '')}
        </span>
      </div>
    </form>
  )
}
