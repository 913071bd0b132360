import { useT } from '@/lib/i18n/i18n.ts'
import type { KlmTimes } from './klm.ts'
import type { FlowRow } from './table-rows.ts'

const BAR_HEIGHT = 26
const GAP = 14
const LABEL_WIDTH = 150
const WIDTH = 620
const PARTS = ['taps', 'keys', 'switches'] as const

/** Each route's predicted time as one bar, split by where it goes: taps, keystrokes, app switches. */
export function KlmChart({ rows, klm }: { rows: readonly FlowRow[]; klm: KlmTimes }) {
  const { t } = useT()
  const parts = rows.map(({ figures: f }) => ({
    taps: f.taps * (klm.m + klm.p),
    keys: f.keyRuns * klm.m + f.keystrokes * klm.k,
    switches: f.appSwitches * klm.s,
  }))
  const totals = parts.map((p) => p.taps + p.keys + p.switches)
  const longest = Math.max(1, ...totals)
  const scale = (WIDTH - LABEL_WIDTH - 70) / longest
  const height = rows.length * (BAR_HEIGHT + GAP) + 8
  return (
    <section className="lab-card" aria-labelledby="lab-chart">
      <h2 id="lab-chart">{t('lab.chart.title')}</h2>
      <svg
        className="lab-chart"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={t('lab.chart.label')}
        data-testid="lab-chart"
      >
        {rows.map((row, i) => {
          const y = i * (BAR_HEIGHT + GAP) + 4
          let x = LABEL_WIDTH
          const part = parts[i]
          return (
            <g key={row.run.id}>
              <text
                x={LABEL_WIDTH - 8}
                y={y + BAR_HEIGHT / 2 + 5}
                textAnchor="end"
                className="lab-chart__label"
              >
                {t(`lab.flows.${row.flow}.name`)}
              </text>
              {part &&
                PARTS.map((name) => {
                  const w = part[name] * scale
                  const rect = (
                    <rect
                      key={name}
                      x={x}
                      y={y}
                      width={w}
                      height={BAR_HEIGHT}
                      className={`lab-chart__${name}`}
                    />
                  )
                  x += w
                  return rect
                })}
              <text x={x + 6} y={y + BAR_HEIGHT / 2 + 5} className="lab-chart__value">
                {t('lab.chart.seconds', { seconds: (totals[i] ?? 0).toFixed(1) })}
              </text>
            </g>
          )
        })}
      </svg>
      <ul className="lab-legend">
        {PARTS.map((name) => (
          <li key={name}>
            <span className={`lab-legend__swatch lab-chart__${name}`} aria-hidden="true" />
            {t(`lab.chart.${name}`)}
          </li>
        ))}
      </ul>
    </section>
  )
}
