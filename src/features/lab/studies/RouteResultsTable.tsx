import { memo } from 'react'
import type { RouteResult } from '@/contract/study.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { percent, rateBar, seconds } from './results-view.ts'

const BAR_WIDTH = 120
const BAR_HEIGHT = 14

/** The completion rate as a bar with its Wilson 95 % interval as whiskers. */
function RateBar({ route }: { route: RouteResult }) {
  const { t } = useT()
  const geometry = rateBar(route.completionRate, route.completionCi.low, route.completionCi.high)
  const x = (v: number) => (v / 100) * BAR_WIDTH
  const rate = percent(route.completionRate)
  const low = percent(route.completionCi.low)
  const high = percent(route.completionCi.high)
  return (
    <span className="study-rate">
      <svg
        className="study-rate__bar"
        width={BAR_WIDTH}
        height={BAR_HEIGHT}
        viewBox={`0 0 ${BAR_WIDTH} ${BAR_HEIGHT}`}
        aria-hidden="true"
      >
        <rect
          className="study-rate__track"
          x={0}
          y={3}
          width={BAR_WIDTH}
          height={BAR_HEIGHT - 6}
          rx={2}
        />
        <rect
          className="study-rate__fill"
          x={0}
          y={3}
          width={x(geometry.bar)}
          height={BAR_HEIGHT - 6}
          rx={2}
        />
        {geometry.low !== null && geometry.high !== null && (
          <g className="study-rate__whisker">
            <line
              x1={x(geometry.low)}
              x2={x(geometry.high)}
              y1={BAR_HEIGHT / 2}
              y2={BAR_HEIGHT / 2}
            />
            <line x1={x(geometry.low)} x2={x(geometry.low)} y1={1} y2={BAR_HEIGHT - 1} />
            <line x1={x(geometry.high)} x2={x(geometry.high)} y1={1} y2={BAR_HEIGHT - 1} />
          </g>
        )}
      </svg>
      <span className="study-rate__text">
        <span data-testid="study-route-rate">{rate === null ? '—' : `${rate}%`}</span>
        {low !== null && high !== null && (
          <span className="study-ci">
            {t('labStudy.results.routes.ci', { low: `${low}%`, high: `${high}%` })}
          </span>
        )}
      </span>
    </span>
  )
}

const fixed = (value: number | null, digits: number) =>
  value === null ? '—' : value.toFixed(digits)

/** Per route: n, completion with its interval, time with its interval, taps, misclicks, switches, errors, SEQ, SUS. */
export const RouteResultsTable = memo(function RouteResultsTable({
  routes,
  minN,
}: {
  routes: readonly RouteResult[]
  minN: number
}) {
  const { t } = useT()
  const none = t('labStudy.results.routes.none')
  return (
    <section className="lab-card lab-card--wide" aria-labelledby="study-routes">
      <h2 id="study-routes">{t('labStudy.results.routes.title')}</h2>
      <div className="study-scroll">
        <table className="lab-table study-table" data-testid="study-routes-table">
          <caption className="visually-hidden">{t('labStudy.results.routes.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('labStudy.results.routes.route')}</th>
              <th scope="col">{t('labStudy.results.routes.n')}</th>
              <th scope="col" className="study-col-rate">
                {t('labStudy.results.routes.completion')}
              </th>
              <th scope="col">{t('labStudy.results.routes.time')}</th>
              <th scope="col">{t('labStudy.results.routes.taps')}</th>
              <th scope="col">{t('labStudy.results.routes.misclickRate')}</th>
              <th scope="col">{t('labStudy.results.routes.appSwitches')}</th>
              <th scope="col">{t('labStudy.results.routes.errors')}</th>
              <th scope="col">{t('labStudy.results.routes.seq')}</th>
              <th scope="col">{t('labStudy.results.routes.sus')}</th>
            </tr>
          </thead>
          <tbody>
            {routes.map((route) => {
              const n = route.completed + route.abandoned
              const time = seconds(route.timeMedianMs)
              const low = seconds(route.timeCi.low)
              const high = seconds(route.timeCi.high)
              const misclick = percent(route.misclickRate)
              return (
                <tr
                  key={route.route}
                  data-testid="study-route-row"
                  data-route={route.route}
                  data-enough={route.enough}
                >
                  <th scope="row">
                    <span
                      className={`study-route-dot study-route-dot--${route.route}`}
                      aria-hidden="true"
                    />
                    {t(`labStudy.routes.${route.route}`)}
                    {!route.enough && (
                      <span className="study-not-enough" data-testid="study-not-enough">
                        {t('labStudy.results.routes.notEnough', { n, min: minN })}
                      </span>
                    )}
                  </th>
                  <td data-testid="study-route-n">{n}</td>
                  <td className="study-col-rate">
                    <RateBar route={route} />
                  </td>
                  <td>
                    {time === null ? none : t('labStudy.results.routes.seconds', { seconds: time })}
                    {low !== null && high !== null && (
                      <span className="study-ci">
                        {t('labStudy.results.routes.ci', { low, high })}
                      </span>
                    )}
                  </td>
                  <td>{fixed(route.taps, 1)}</td>
                  <td>{misclick === null ? none : `${misclick}%`}</td>
                  <td>{fixed(route.appSwitches, 1)}</td>
                  <td>{fixed(route.errors, 1)}</td>
                  <td data-testid="study-route-seq">{fixed(route.seq, 1)}</td>
                  <td data-testid="study-route-sus">{fixed(route.sus, 1)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <p className="lab-hint">{t('labStudy.results.routes.means')}</p>
    </section>
  )
})
