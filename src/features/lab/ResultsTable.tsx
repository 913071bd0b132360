import { useT } from '@/lib/i18n/i18n.ts'
import { download } from './download.ts'
import { toCsv } from './export.ts'
import { useLabStore } from './lab-store.ts'
import { headerCells, rowCells, type FlowRow } from './table-rows.ts'

/** The figures of each route's latest run, and the exports: CSV holds exactly the table's cells. */
export function ResultsTable({ rows }: { rows: readonly FlowRow[] }) {
  const { t } = useT()
  const header = headerCells(t)
  const body = rows.map((row) => rowCells(row, t))
  const stamp = () => new Date().toISOString().replaceAll(':', '-').slice(0, 19)
  const exportJson = () => {
    const { runs, klm, drop } = useLabStore.getState()
    const text = JSON.stringify({ exportedAt: new Date().toISOString(), klm, drop, runs }, null, 2)
    download(`ux-lab-${stamp()}.json`, 'application/json', text)
  }
  return (
    <section className="lab-card lab-card--wide" aria-labelledby="lab-table">
      <div className="lab-card__head">
        <h2 id="lab-table">{t('lab.table.title')}</h2>
        <div className="lab-card__tools">
          <button
            type="button"
            className="lab-btn"
            disabled={rows.length === 0}
            onClick={() => download(`ux-lab-${stamp()}.csv`, 'text/csv', toCsv([header, ...body]))}
          >
            {t('lab.export.csv')}
          </button>
          <button type="button" className="lab-btn" onClick={exportJson}>
            {t('lab.export.json')}
          </button>
        </div>
      </div>
      <p className="lab-hint" data-testid="lab-circular-note">
        {t('lab.table.circular')}
      </p>
      {rows.length === 0 ? (
        <p className="lab-hint">{t('lab.table.empty')}</p>
      ) : (
        <table className="lab-table" data-testid="lab-table">
          <caption className="visually-hidden">{t('lab.table.caption')}</caption>
          <thead>
            <tr>
              {header.map((cell) => (
                <th key={cell} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.run.id} data-flow={row.flow} data-run={row.run.id}>
                {body[i]?.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
