/** A measured figure against its budget (BRIEF §11), and the final table. */
export interface Budget {
  /** `max`: the value must stay at or under the limit; `min`: at or over it. */
  kind: 'max' | 'min'
  limit: number
}

export interface Figure {
  name: string
  /** `null` when it could not be measured (see `note`). */
  value: number | null
  unit: string
  /** Decimals to print. */
  digits?: number
  budget?: Budget
  note?: string
}

export type Verdict = 'PASS' | 'FAIL' | 'info' | 'ERROR'

export function verdict(figure: Figure): Verdict {
  if (figure.value === null || Number.isNaN(figure.value)) return 'ERROR'
  if (!figure.budget) return 'info'
  const { kind, limit } = figure.budget
  return (kind === 'max' ? figure.value <= limit : figure.value >= limit) ? 'PASS' : 'FAIL'
}

function valueText(f: Figure): string {
  if (f.value === null || Number.isNaN(f.value)) return 'n/a'
  return `${f.value.toFixed(f.digits ?? 1)} ${f.unit}`.trim()
}

function budgetText(f: Figure): string {
  if (!f.budget) return '—'
  return `${f.budget.kind === 'max' ? '≤' : '≥'} ${f.budget.limit} ${f.unit}`.trim()
}

/** One line as soon as a figure is known, so a long run shows progress. */
export function printFigure(f: Figure): void {
  const note = f.note ? `  (${f.note})` : ''
  console.log(`  ${f.name}: ${valueText(f)}; budget ${budgetText(f)}: ${verdict(f)}${note}`)
}

/** Columns a string takes in a terminal: CJK characters take two. */
function displayWidth(text: string): number {
  const wide = text.match(
    /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g,
  )
  return text.length + (wide?.length ?? 0)
}

export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [f.name, valueText(f), budgetText(f), verdict(f)])
  const head = ['figure', 'value', 'budget', 'PASS/FAIL']
  const widths = head.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => displayWidth(r[i] ?? ''))),
  )
  const pad = (cell: string, width: number) =>
    cell + ' '.repeat(Math.max(0, width - displayWidth(cell)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i] ?? 0)).join(' | ')} |`
  console.log(line(head))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const row of rows) console.log(line(row))
}
