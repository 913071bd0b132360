import { useT } from '@/lib/i18n/i18n.ts'
import { useLabStore } from './lab-store.ts'
import { rowCells, rowOf } from './table-rows.ts'

/** Every run kept, newest first, with the same cells as the table. */
export function HistoryList() {
  const { t, lang } = useT()
  const runs = useLabStore((s) => s.runs)
  const klm = useLabStore((s) => s.klm)
  const drop = useLabStore((s) => s.drop)
  const clear = useLabStore((s) => s.clear)
  const time = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'medium' })
  return (
    <section className="lab-card lab-card--wide" aria-labelledby="lab-history">
      <div className="lab-card__head">
        <h2 id="lab-history">{t('lab.history.title')}</h2>
        <button type="button" className="lab-btn" onClick={clear} disabled={runs.length === 0}>
          {t('lab.history.clear')}
        </button>
      </div>
      {runs.length === 0 ? (
        <p className="lab-hint">{t('lab.history.empty')}</p>
      ) : (
        <table className="lab-table lab-table--history" data-testid="lab-history">
          <thead>
            <tr>
              <th scope="col">{t('lab.history.when')}</th>
              <th scope="col">{t('lab.table.flow')}</th>
              <th scope="col">{t('lab.table.mode')}</th>
              <th scope="col">{t('lab.table.steps')}</th>
              <th scope="col">{t('lab.table.taps')}</th>
              <th scope="col">{t('lab.table.keystrokes')}</th>
              <th scope="col">{t('lab.table.appSwitches')}</th>
              <th scope="col">{t('lab.table.elapsed')}</th>
              <th scope="col">{t('lab.table.errors')}</th>
              <th scope="col">{t('lab.history.result')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const cells = rowCells(rowOf(run, klm, drop), t)
              return (
                <tr key={run.id}>
                  <td>{time.format(run.startedAt)}</td>
                  <th scope="row">{t(`lab.flows.${run.flow}.name`)}</th>
                  {[1, 2, 3, 4, 5, 6, 8].map((i) => (
                    <td key={i}>{cells[i]}</td>
                  ))}
                  <td>{run.done ? t('lab.history.done') : t('lab.history.notDone')}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
