import { useId, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react'
import { useParams } from 'react-router'
import type { Participant } from '@/contract/study.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Spinner } from '@/ui/Spinner.tsx'
import { studyErrorText } from './errors.ts'
import { hasNextTask, type StudyIntent, type StudyState } from './flow.ts'
import { PHONE_NAME, phoneSrc } from './phone-src.ts'
import { SeqQuestion, SusQuestionnaire } from './Questions.tsx'
import { QuitDialog } from './QuitDialog.tsx'
import { savedPhonePath } from './storage.ts'
import { useStudyFlow } from './useStudyFlow.ts'
import './study.css'

type Send = (intent: StudyIntent) => void

/** A step's page: the study's name over its content, in the phone-sized column. */
function Page(props: { testId: string; children: ReactNode }) {
  const { t } = useT()
  return (
    <main className="study__page" data-testid={props.testId}>
      <header className="study__masthead">
        <span className="study__badge">{t('study.badge')}</span>
        <p className="study__name">{t('study.masthead')}</p>
      </header>
      <div className="study__content">{props.children}</div>
    </main>
  )
}

function Consent(props: { state: Extract<StudyState, { kind: 'consent' }>; send: Send }) {
  const { t, lang } = useT()
  const { state, send } = props
  const items = ['taps', 'screens', 'keys', 'apps', 'shots', 'answers'] as const
  return (
    <Page testId="study-consent">
      <h1 className="study__title">{state.study.name ?? t('study.defaultName')}</h1>
      <p className="study__text">{t('study.consent.intro')}</p>
      <section className="study__section" aria-labelledby="study-recorded">
        <h2 id="study-recorded" className="study__subtitle">
          {t('study.consent.recordedTitle')}
        </h2>
        <ul className="study__list">
          {items.map((item) => (
            <li key={item}>{t(`study.consent.recorded.${item}`)}</li>
          ))}
        </ul>
      </section>
      <section className="study__section" aria-labelledby="study-privacy">
        <h2 id="study-privacy" className="study__subtitle">
          {t('study.consent.privacyTitle')}
        </h2>
        <p className="study__text">{t('study.consent.privacy')}</p>
      </section>
      <section className="study__section" aria-labelledby="study-simulated">
        <h2 id="study-simulated" className="study__subtitle">
          {t('study.consent.simulatedTitle')}
        </h2>
        <p className="study__text">{t('study.consent.simulated')}</p>
      </section>
      <p className="study__note">{t('study.consent.quitNote')}</p>
      {state.error && (
        <p className="study__error" role="alert">
          {studyErrorText(t, lang, state.error)}
        </p>
      )}
      <div className="study__actions">
        <button
          type="button"
          className="study-btn study-btn--primary"
          data-testid="study-consent-accept"
          onClick={() => send({ type: 'ACCEPT' })}
          disabled={state.joining}
        >
          {state.joining ? t('study.consent.joining') : t('study.consent.accept')}
        </button>
        <button
          type="button"
          className="study-btn"
          data-testid="study-consent-decline"
          onClick={() => send({ type: 'DECLINE' })}
          disabled={state.joining}
        >
          {t('study.consent.decline')}
        </button>
      </div>
    </Page>
  )
}

function TaskIntro(props: { participant: Participant; index: number; send: Send }) {
  const { t } = useT()
  const task = props.participant.tasks[props.index]
  return (
    <Page testId="study-task">
      <p className="study__counter">
        {t('study.task.counter', { n: props.index + 1, total: props.participant.tasks.length })}
      </p>
      <h1 className="study__title">{t('study.task.heading')}</h1>
      <p className="study__task-text" data-testid="study-task-text">
        {task?.text}
      </p>
      <p className="study__note">{t('study.task.howTo')}</p>
      <div className="study__actions">
        <button
          type="button"
          className="study-btn study-btn--primary"
          data-testid="study-task-start"
          onClick={() => props.send({ type: 'START_TASK' })}
        >
          {t('study.task.start')}
        </button>
        <QuitButton send={props.send} />
      </div>
    </Page>
  )
}

function QuitButton({ send }: { send: Send }) {
  const { t } = useT()
  return (
    <button
      type="button"
      className="study-btn study-btn--quiet"
      data-testid="study-quit"
      onClick={() => send({ type: 'QUIT_OPEN' })}
    >
      {t('study.running.quit')}
    </button>
  )
}

function Running(props: {
  state: Extract<StudyState, { kind: 'running' }>
  runId: string
  frame: RefObject<HTMLIFrameElement | null>
  send: Send
}) {
  const { t } = useT()
  const { state, runId, frame, send } = props
  const task = state.participant.tasks[state.index]
  const [open, setOpen] = useState(false)
  const panel = useId()
  // Fixed for the run: the phone navigates by itself; a reload of the page brings it back where it was.
  const src = useMemo(
    () =>
      task
        ? phoneSrc({
            world: task.world,
            route: task.route,
            runId,
            lang: state.study.lang,
            resumeAt: savedPhonePath(runId),
          })
        : null,
    // The run names the task and its world: nothing else may reload the phone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [runId],
  )
  if (!task || !src) return null
  return (
    <main className="study__run" data-testid="study-running">
      <h1 className="visually-hidden">{t('study.running.label')}</h1>
      <div className="study__bar">
        <button
          type="button"
          className="study__bar-task"
          aria-expanded={open}
          aria-controls={panel}
          data-testid="study-task-toggle"
          onClick={() => setOpen((o) => !o)}
        >
          <span className="visually-hidden">
            {open ? t('study.running.hide') : t('study.running.show')}
          </span>
          <span className="study__bar-label" aria-hidden="true">
            {t('study.running.label')}
          </span>
          <span className="study__bar-text" aria-hidden="true">
            {task.text}
          </span>
        </button>
        <QuitButton send={send} />
      </div>
      <div id={panel} className="study__bar-panel" hidden={!open} data-testid="study-task-panel">
        <p>{task.text}</p>
        <button type="button" className="study-btn" onClick={() => setOpen(false)}>
          {t('study.running.hide')}
        </button>
      </div>
      {state.resultAt !== null && state.checks > 0 && (
        <p className="study__status" role="status" data-testid="study-checking">
          {state.awaiting !== null ? t('study.running.checking') : t('study.running.notYet')}
        </p>
      )}
      <iframe
        key={runId}
        ref={frame}
        className="study__phone"
        name={PHONE_NAME}
        title={t('study.running.phone', { task: task.text })}
        src={src}
        data-testid="study-phone"
        data-run={runId}
        allow="clipboard-read; clipboard-write"
      />
    </main>
  )
}

function Notice(props: { testId: string; title: string; body: string; children?: ReactNode }) {
  return (
    <Page testId={props.testId}>
      <h1 className="study__title">{props.title}</h1>
      <p className="study__text">{props.body}</p>
      {props.children}
    </Page>
  )
}

function Step(props: {
  state: StudyState
  send: Send
  frame: RefObject<HTMLIFrameElement | null>
  runId: string | null
}) {
  const { t, lang } = useT()
  const { state, send } = props
  switch (state.kind) {
    case 'loading':
      return (
        <Page testId="study-loading">
          <div className="study__loading" role="status">
            <Spinner />
            <span>{t('study.loading')}</span>
          </div>
        </Page>
      )
    case 'error':
      return (
        <Notice
          testId="study-error"
          title={t('study.error.title')}
          body={
            state.error.code === 'STUDY_NOT_FOUND'
              ? t('study.error.notFound')
              : studyErrorText(t, lang, state.error)
          }
        >
          {state.error.code !== 'STUDY_NOT_FOUND' && (
            <div className="study__actions">
              <button
                type="button"
                className="study-btn study-btn--primary"
                onClick={() => send({ type: 'RETRY' })}
              >
                {t('study.error.retry')}
              </button>
            </div>
          )}
        </Notice>
      )
    case 'closed':
      return (
        <Notice
          testId="study-closed"
          title={t('study.closed.title')}
          body={t('study.closed.body')}
        />
      )
    case 'consent':
      return <Consent state={state} send={send} />
    case 'declined':
      return (
        <Notice
          testId="study-declined"
          title={t('study.declined.title')}
          body={t('study.declined.body')}
        >
          <div className="study__actions">
            <button
              type="button"
              className="study-btn"
              onClick={() => send({ type: 'RECONSIDER' })}
            >
              {t('study.declined.again')}
            </button>
          </div>
        </Notice>
      )
    case 'task':
      return <TaskIntro participant={state.participant} index={state.index} send={send} />
    case 'running':
      return props.runId ? (
        <Running state={state} runId={props.runId} frame={props.frame} send={send} />
      ) : null
    case 'seq':
      return (
        <Page testId="study-seq-page">
          <SeqQuestion
            key={state.index}
            taskNumber={state.index + 1}
            sending={state.awaiting !== null}
            onSubmit={(value) => send({ type: 'SUBMIT_SEQ', value, at: Date.now() })}
          />
          <div className="study__actions">
            <QuitButton send={send} />
          </div>
        </Page>
      )
    case 'sus':
      return (
        <Page testId="study-sus-page">
          <SusQuestionnaire
            sending={state.awaiting !== null}
            onSubmit={(answers) => send({ type: 'SUBMIT_SUS', answers, at: Date.now() })}
          />
          <div className="study__actions">
            <QuitButton send={send} />
          </div>
        </Page>
      )
    case 'done':
      return (
        <Notice testId="study-done" title={t('study.done.title')} body={t('study.done.body')} />
      )
    case 'quit':
      return (
        <Notice
          testId="study-quit-done"
          title={t('study.quit.doneTitle')}
          body={t('study.quit.doneBody')}
        />
      )
  }
}

/** A participant's page (`/study/:studyId`): consent, then per task its phone, the questions, the end. */
export function StudyScreen() {
  const { studyId = '' } = useParams()
  const { t } = useT()
  const frame = useRef<HTMLIFrameElement>(null)
  const { state, send, trouble, runId } = useStudyFlow(studyId, frame)
  const joined = 'participant' in state ? state : null
  return (
    <div className="study">
      <div className="study__device">
        {trouble && (
          <p className="study__trouble" role="status" data-testid="study-trouble">
            {trouble.code === 'STUDY_NOT_FOUND' || trouble.code === 'PARTICIPANT_NOT_FOUND'
              ? t('study.gone')
              : t('study.trouble')}
          </p>
        )}
        <Step state={state} send={send} frame={frame} runId={runId} />
        {joined && joined.quit !== 'shut' && (
          <QuitDialog
            sending={joined.quit === 'sending'}
            error={joined.quitError}
            onConfirm={() => send({ type: 'QUIT_CONFIRM' })}
            onCancel={() => send({ type: 'QUIT_CANCEL' })}
            onAbandon={
              joined.kind === 'running' && hasNextTask(joined)
                ? () => send({ type: 'ABANDON_TASK', at: Date.now() })
                : undefined
            }
          />
        )}
      </div>
    </div>
  )
}
