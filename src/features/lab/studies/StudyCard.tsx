import { useEffect, useState } from 'react'
import { AppLink } from '@/ui/AppLink.tsx'
import { labStudyPath, studyPath } from '@/contract/paths.ts'
import type { StudyPublic } from '@/contract/study.ts'
import { isApiError } from '@/lib/api/client.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { DeleteStudyButton } from './DeleteStudyButton.tsx'
import { absoluteUrl, JoinQr } from './JoinQr.tsx'
import { useMyStudies, type MyStudy } from './my-studies.ts'
import { fetchPublicStudy } from './study-api.ts'

type Known =
  | { state: 'checking' }
  | { state: 'found'; study: StudyPublic }
  | { state: 'missing' }
  | { state: 'unreachable' }

/** A study this browser made: its status, the join link with its QR code, the owner's link, delete. */
export function StudyCard({ study, fresh }: { study: MyStudy; fresh: boolean }) {
  const { t, lang } = useT()
  const remove = useMyStudies((s) => s.remove)
  const [known, setKnown] = useState<Known>({ state: 'checking' })
  useEffect(() => {
    const controller = new AbortController()
    fetchPublicStudy(study.id, controller.signal).then(
      (found) => setKnown({ state: 'found', study: found }),
      (error: unknown) => {
        if (controller.signal.aborted) return
        setKnown(
          isApiError(error) && error.code === 'STUDY_NOT_FOUND'
            ? { state: 'missing' }
            : { state: 'unreachable' },
        )
      },
    )
    return () => controller.abort()
  }, [study.id])

  const ownerPath = labStudyPath(study.id, study.ownerKey)
  const joinUrl = absoluteUrl(study.joinUrl ?? studyPath(study.id))
  const created = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(
    study.createdAt,
  )
  const headingId = `study-card-${study.id}`
  const title = study.name ?? t('labStudy.card.untitled')
  return (
    <article
      className={`study-card${fresh ? ' study-card--fresh' : ''}`}
      aria-labelledby={headingId}
      data-testid="study-card"
      data-study-id={study.id}
      data-state={known.state}
    >
      <header className="study-card__head">
        <h4 id={headingId}>{title}</h4>
        {known.state === 'found' && (
          <span className={`study-status study-status--${known.study.status}`}>
            {t(`labStudy.status.${known.study.status}`)}
          </span>
        )}
      </header>
      <p className="study-card__meta">
        {t('labStudy.card.created', { time: created })}
        {known.state === 'found' && (
          <>
            {' · '}
            {t(`labStudy.design.${known.study.design}`)}
            {' · '}
            {t('labStudy.card.progress', {
              finished: known.study.finished,
              target: known.study.target,
            })}
          </>
        )}
      </p>
      {known.state === 'missing' ? (
        <div className="study-card__missing" role="status">
          <p>{t('labStudy.card.missing')}</p>
          <button
            type="button"
            className="lab-btn"
            data-testid="study-remove"
            onClick={() => remove(study.id)}
          >
            {t('labStudy.card.remove')}
          </button>
        </div>
      ) : (
        <>
          {known.state === 'checking' && <p className="lab-hint">{t('labStudy.card.checking')}</p>}
          {known.state === 'unreachable' && (
            <p className="lab-hint">{t('labStudy.card.unreachable')}</p>
          )}
          <JoinQr url={joinUrl} />
          <div className="study-card__owner">
            <span className="study-label">{t('labStudy.card.owner')}</span>
            <AppLink
              to={ownerPath}
              className="study-card__owner-link"
              data-testid="study-owner-link"
            >
              {absoluteUrl(ownerPath)}
            </AppLink>
            <p className="study-card__keep">{t('labStudy.card.ownerKeep')}</p>
          </div>
          <div className="study-card__actions">
            <AppLink
              to={ownerPath}
              className="lab-btn lab-btn--primary"
              data-testid="study-open-results"
            >
              {t('labStudy.card.openResults')}
            </AppLink>
            <DeleteStudyButton
              studyId={study.id}
              ownerKey={study.ownerKey}
              onDeleted={() => remove(study.id)}
            />
          </div>
        </>
      )}
    </article>
  )
}
