import { memo } from 'react'
import type { RouteResult } from '@/contract/study.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import type { DropOff } from '../funnel.ts'
import { KLM_SOURCE } from '../klm.ts'
import { percent, screenLabel, seconds, stepsView } from './results-view.ts'

/** A route's steps: the measured funnel beside the model's, and measured vs predicted seconds per step. */
export const RouteSteps = memo(function RouteSteps({
  route,
  drop,
}: {
  route: RouteResult
  drop: DropOff
}) {
  const { t } = useT()
  const view = stepsView(route, drop)
  const name = t(`labStudy.routes.${route.route}`)
  const headingId = `study-steps-${route.route}`
  const none = t('labStudy.results.routes.none')
  return (
    <section
      className="study-steps"
      aria-labelledby={headingId}
      data-testid="study-steps"
      data-route={route.route}
    >
      <h3 id={headingId}>
        <span className={`study-route-dot study-route-dot--${route.route}`} aria-hidden="true" />
        {t('labStudy.results.steps.routeTitle', { route: name })}
      </h3>
      {view.rows.length === 0 ? (
        <p className="lab-hint">{t('labStudy.results.steps.empty')}</p>
      ) : (
        <div className="study-steps__grid">
          <div>
            <h4>{t('labStudy.results.steps.funnel')}</h4>
            <ul className="lab-legend study-legend">
              <li>
                <span className="lab-legend__swatch study-swatch--measured" aria-hidden="true" />
                {t('labStudy.results.steps.measured')}
              </li>
              <li>
                <span className="lab-legend__swatch study-swatch--model" aria-hidden="true" />
                {t('labStudy.results.steps.model')}
              </li>
            </ul>
            <ol className="study-funnel" data-testid="study-funnel">
              {view.rows.map((row, i) => (
                <li
                  key={`${row.screen}-${i}`}
                  data-testid="study-funnel-step"
                  data-reached={row.reached}
                  data-dropped={row.droppedHere}
                  aria-label={t('labStudy.results.steps.reachedLabel', {
                    screen: screenLabel(row.screen),
                    measured: row.reached,
                    model: `${percent(row.modelShare)}%`,
                  })}
                >
                  <code className="study-screen" title={row.screen}>
                    {screenLabel(row.screen)}
                  </code>
                  <span className="study-funnel__bars" aria-hidden="true">
                    <span
                      className="study-funnel__bar study-funnel__bar--measured"
                      style={{ width: `${row.reachedShare * 100}%` }}
                    />
                    <span
                      className="study-funnel__bar study-funnel__bar--model"
                      style={{ width: `${row.modelShare * 100}%` }}
                    />
                  </span>
                  <span className="study-funnel__numbers">
                    {row.reached} · {percent(row.reachedShare)}% / {percent(row.modelShare)}%
                    {row.droppedHere > 0 && (
                      <span className="study-funnel__dropped">
                        {t('labStudy.results.steps.dropped', { n: row.droppedHere })}
                      </span>
                    )}
                  </span>
                </li>
              ))}
              <li className="study-funnel__end" data-testid="study-funnel-completed">
                <span>{t('labStudy.results.steps.completed')}</span>
                <span className="study-funnel__bars" aria-hidden="true">
                  <span
                    className="study-funnel__bar study-funnel__bar--measured"
                    style={{ width: `${(view.completedShare ?? 0) * 100}%` }}
                  />
                  <span
                    className="study-funnel__bar study-funnel__bar--model"
                    style={{ width: `${view.modelCompleted * 100}%` }}
                  />
                </span>
                <span className="study-funnel__numbers">
                  {view.completedShare === null ? none : `${percent(view.completedShare)}%`} /{' '}
                  {percent(view.modelCompleted)}%
                </span>
              </li>
            </ol>
            <p className="lab-hint">
              {t('labStudy.results.steps.modelHint', {
                perStep: percent(drop.perStep) ?? '0',
                perSwitch: percent(drop.perSwitch) ?? '0',
              })}
            </p>
          </div>
          <div>
            <h4>{t('labStudy.results.steps.times')}</h4>
            <div className="study-scroll">
              <table className="lab-table study-table" data-testid="study-step-times">
                <caption className="visually-hidden">
                  {t('labStudy.results.steps.timesCaption', { route: name })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('labStudy.results.steps.screen')}</th>
                    <th scope="col">{t('labStudy.results.steps.reached')}</th>
                    <th scope="col">{t('labStudy.results.steps.droppedHere')}</th>
                    <th scope="col">{t('labStudy.results.steps.medianMeasured')}</th>
                    <th scope="col">{t('labStudy.results.steps.predicted')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.rows.map((row, i) => (
                    <tr key={`${row.screen}-${i}`}>
                      <th scope="row">
                        <code className="study-screen" title={row.screen}>
                          {screenLabel(row.screen)}
                        </code>
                      </th>
                      <td>{row.reached}</td>
                      <td>{row.droppedHere}</td>
                      <td>{seconds(row.medianMs) ?? none}</td>
                      <td>{seconds(row.predictedMs) ?? none}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('labStudy.results.steps.total')}</th>
                    <td>{route.started}</td>
                    <td>{route.abandoned}</td>
                    <td>{seconds(view.measuredTotalMs) ?? none}</td>
                    <td>{seconds(view.predictedTotalMs) ?? none}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
            <p className="lab-hint study-source" data-testid="study-klm-source">
              {t('labStudy.results.steps.source', { source: KLM_SOURCE })}
            </p>
          </div>
        </div>
      )}
    </section>
  )
})
