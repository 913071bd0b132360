import { memo, useEffect, useState } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { AppLink } from '@/ui/AppLink.tsx'
import { labPath, studyPath } from '@/contract/paths.ts'
import type { StudyResults } from '@/contract/study.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useLabStore } from '../lab-store.ts'
import { DeleteStudyButton } from './DeleteStudyButton.tsx'
import { Heatmap } from './Heatmap.tsx'
import { absoluteUrl, JoinQr } from './JoinQr.tsx'
import { useLiveResults } from './live-results.ts'
import { useMyStudies } from './my-studies.ts'
import { PeopleTable } from './PeopleTable.tsx'
import { pValue } from './results-view.ts'
import { RouteResultsTable } from './RouteResultsTable.tsx'
import { RouteSteps } from './RouteSteps.tsx'
import { deleteParticipant, ownerFileUrl } from './study-api.ts'
import '../lab.css'
import './studies.css'

type Comparison = StudyResults['comparisons'][number]

function ComparisonLine({ comparison }: { comparison: Comparison }) {
  const { t } = useT()
  const { timeTest, completionTest } = comparison
  const fmt = (v: number | null, digits = 2) => (v === null ? '—' : v.toFixed(digits))
  const ratio =
    comparison.timeRatio === null
      ? '—'
      : `${comparison.timeRatio.toFixed(2)}× (95% CI ${fmt(comparison.timeRatioCi.low)}–${fmt(comparison.timeRatioCi.high)}×)`
  const stat = t(
    timeTest.name === 'mann-whitney'
      ? 'labStudy.results.comparisons.statU'
      : 'labStudy.results.comparisons.statW',
    { value: fmt(timeTest.statistic, 1) },
  )
  return (
    <li
      className="study-comparison"
      data-testid="study-comparison"
      data-a={comparison.a}
      data-b={comparison.b}
      data-enough={comparison.enough}
    >
      <p className="study-comparison__summary" data-testid="study-comparison-summary">
        {comparison.summary}
      </p>
      <p className="study-comparison__stats">
        {t('labStudy.results.comparisons.time', {
          test: t(`labStudy.results.comparisons.tests.${timeTest.name}`),
          stat,
          p: pValue(timeTest.p),
          effect: fmt(timeTest.effect),
          ratio,
        })}
        <br />
        {t('labStudy.results.comparisons.completion', {
          test: t(`labStudy.results.comparisons.tests.${completionTest.name}`),
          p: pValue(completionTest.p),
          difference:
            completionTest.difference === null
              ? '—'
              : t('labStudy.results.comparisons.points', {
                  value: (completionTest.difference * 100).toFixed(0),
                }),
        })}
      </p>
    </li>
  )
}

const Comparisons = memo(function Comparisons({
  comparisons,
}: {
  comparisons: StudyResults['comparisons']
}) {
  const { t } = useT()
  return (
    <section className="lab-card lab-card--wide" aria-labelledby="study-comparisons">
      <h2 id="study-comparisons">{t('labStudy.results.comparisons.title')}</h2>
      {comparisons.length === 0 ? (
        <p className="lab-hint">{t('labStudy.results.comparisons.none')}</p>
      ) : (
        <ul className="study-comparisons">
          {comparisons.map((c) => (
            <ComparisonLine key={`${c.a}-${c.b}`} comparison={c} />
          ))}
        </ul>
      )}
    </section>
  )
})

/** The heatmaps come after the tables' first paint: they are the heaviest part and the last looked at. */
const Heatmaps = memo(function Heatmaps({
  heatmaps,
  studyId,
  ownerKey,
}: {
  heatmaps: StudyResults['heatmaps']
  studyId: string
  ownerKey: string
}) {
  const { t } = useT()
  const [shown, setShown] = useState(false)
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => setShown(true), 0))
    return () => cancelAnimationFrame(frame)
  }, [])
  return (
    <section className="lab-card lab-card--wide" aria-labelledby="study-heatmaps">
      <h2 id="study-heatmaps">{t('labStudy.results.heatmaps.title')}</h2>
      <p className="lab-hint">{t('labStudy.results.heatmaps.hint')}</p>
      <ul className="lab-legend study-legend">
        <li>
          <span className="lab-legend__swatch study-swatch--hit" aria-hidden="true" />
          {t('labStudy.results.heatmaps.hit')}
        </li>
        <li>
          <span className="lab-legend__swatch study-swatch--miss" aria-hidden="true" />
          {t('labStudy.results.heatmaps.miss')}
        </li>
      </ul>
      {heatmaps.length === 0 ? (
        <p className="lab-hint">{t('labStudy.results.heatmaps.empty')}</p>
      ) : (
        shown && (
          <div className="study-heatmaps">
            {heatmaps.map((map) => (
              <Heatmap key={map.screen} map={map} studyId={studyId} ownerKey={ownerKey} />
            ))}
          </div>
        )
      )}
    </section>
  )
})

function Problem({ text }: { text: string }) {
  const { t } = useT()
  return (
    <main className="lab study-results" data-testid="study-results" data-ready="false">
      <p className="study-back">
        <AppLink to={labPath()}>← {t('labStudy.results.back')}</AppLink>
      </p>
      <h1>{t('labStudy.title')}</h1>
      <p className="study-problem" role="alert" data-testid="study-results-problem">
        {text}
      </p>
    </main>
  )
}

/**
 * `/lab/studies/:studyId?key=`: a study's results, live, for its owner: the header and join link, each
 * route's figures with their intervals, the comparisons, the steps beside the model, the heatmaps, the
 * participants and the exports.
 */
export function StudyResultsScreen() {
  const { t, lang } = useT()
  const { studyId = '' } = useParams()
  const [search] = useSearchParams()
  const key = search.get('key') ?? ''
  const { live, refresh } = useLiveResults(studyId, key)
  const drop = useLabStore((s) => s.drop)
  const removeMine = useMyStudies((s) => s.remove)
  const [deleted, setDeleted] = useState(false)

  useEffect(() => {
    document.title = t('labStudy.title')
  }, [t])

  if (deleted) return <Problem text={t('labStudy.results.danger.deleted')} />
  if (live.state === 'loading') {
    return (
      <main className="lab study-results" data-testid="study-results" data-ready="false">
        <p role="status">{t('labStudy.results.loading')}</p>
      </main>
    )
  }
  if (live.state === 'keyRequired') return <Problem text={t('labStudy.results.keyRequired')} />
  if (live.state === 'notFound') return <Problem text={t('labStudy.results.notFound')} />
  if (live.state === 'failed') {
    return <Problem text={t('labStudy.results.failed', { message: live.message })} />
  }

  const { results } = live
  const { study, participants } = results
  const joinUrl = absoluteUrl(studyPath(study.id, study.lang))
  const updated = new Intl.DateTimeFormat(lang, { timeStyle: 'medium' }).format(live.updatedAt)
  return (
    <main className="lab study-results" data-testid="study-results" data-ready="true">
      <p className="study-back">
        <AppLink to={labPath()}>← {t('labStudy.results.back')}</AppLink>
      </p>
      <header className="study-head">
        <div className="study-head__text">
          <h1 data-testid="study-name">{study.name ?? t('labStudy.card.untitled')}</h1>
          <p className="study-head__meta">
            <span
              className={`study-status study-status--${study.status}`}
              data-testid="study-status"
            >
              {t(`labStudy.status.${study.status}`)}
            </span>
            <span>{t(`labStudy.design.${study.design}`)}</span>
            <span>{study.routes.map((r) => t(`labStudy.routes.${r}`)).join(' · ')}</span>
          </p>
          <p className="study-head__counts" data-testid="study-counts">
            {t('labStudy.results.counts', {
              joined: participants.total,
              finished: participants.finished,
              quit: participants.quit,
              target: study.target,
            })}
          </p>
          <p className="lab-hint" aria-live="polite">
            {t('labStudy.results.live')} · {t('labStudy.results.updated', { time: updated })}
            {live.problem && (
              <span className="study-error" role="alert">
                {' '}
                {t('labStudy.results.failed', { message: live.problem })}
              </span>
            )}
          </p>
        </div>
        <div className="study-head__join" role="group" aria-label={t('labStudy.results.joinTitle')}>
          <JoinQr url={joinUrl} size={112} />
        </div>
      </header>

      <RouteResultsTable routes={results.routes} minN={study.minN} />
      <Comparisons comparisons={results.comparisons} />

      <section className="lab-card lab-card--wide" aria-labelledby="study-steps">
        <h2 id="study-steps">{t('labStudy.results.steps.title')}</h2>
        {results.routes.map((route) => (
          <RouteSteps key={route.route} route={route} drop={drop} />
        ))}
      </section>

      <Heatmaps heatmaps={results.heatmaps} studyId={study.id} ownerKey={key} />

      <PeopleTable
        people={results.people}
        onDelete={async (participantId) => {
          await deleteParticipant(study.id, participantId, key)
          refresh()
        }}
      />

      <section className="lab-card lab-card--wide study-foot" aria-labelledby="study-exports">
        <div>
          <h2 id="study-exports">{t('labStudy.results.exports.title')}</h2>
          <ul className="study-exports">
            <li>
              <a
                href={ownerFileUrl('studyParticipantsCsv', study.id, key)}
                download
                data-testid="study-export-csv"
              >
                {t('labStudy.results.exports.csv')}
              </a>
            </li>
            <li>
              <a
                href={ownerFileUrl('studyEventsNdjson', study.id, key)}
                download
                data-testid="study-export-ndjson"
              >
                {t('labStudy.results.exports.ndjson')}
              </a>
            </li>
            <li>
              <a
                href={ownerFileUrl('studyReport', study.id, key)}
                target="_blank"
                rel="noreferrer"
                data-testid="study-export-report"
              >
                {t('labStudy.results.exports.report')}
              </a>
            </li>
          </ul>
        </div>
        <div>
          <h2>{t('labStudy.results.danger.title')}</h2>
          <DeleteStudyButton
            studyId={study.id}
            ownerKey={key}
            onDeleted={() => {
              removeMine(study.id)
              setDeleted(true)
            }}
          />
        </div>
      </section>
    </main>
  )
}
