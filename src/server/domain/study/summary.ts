// A comparison in plain words, in the study's language: "screenshot took 2.1× as long as jump (95 % CI
// 1.6–2.7×, n = 12 + 12; Mann–Whitney p = 0.003)", or "not enough data yet" below STUDY_MIN_N.
import { STUDY_MIN_N } from '../../../contract/study.ts'
import type { RouteComparison, StudyDesign } from '../../../contract/study.ts'
import type { StudyLang } from './model.ts'
import { ROUTE_NAMES } from './words.ts'

const TEST_NAMES = { 'mann-whitney': 'Mann–Whitney', wilcoxon: 'Wilcoxon' } as const
const COMPLETION_TEST_NAMES = { fisher: 'Fisher', mcnemar: 'McNemar' } as const

const times = (x: number) => x.toFixed(1)
/** p to three decimals, and "< 0.001" below that. */
export function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`
}
const percent = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)} %`)

export function summarize(
  lang: StudyLang,
  design: StudyDesign,
  c: Omit<RouteComparison, 'summary'>,
  rates: [number | null, number | null],
): string {
  const names = ROUTE_NAMES[lang]
  const a = names[c.a]
  const b = names[c.b]
  const [na, nb] = c.n
  const en = lang === 'en'
  const n =
    design === 'between' ? `n = ${na} + ${nb}` : en ? `n = ${na} paired` : `n = ${na} 对配对`
  if (!c.enough) {
    if (design === 'between') {
      return en
        ? `not enough data yet (${n}, at least ${STUDY_MIN_N} each)`
        : `数据还不够（${n}，每组至少 ${STUDY_MIN_N}）`
    }
    return en
      ? `not enough data yet (${n}, at least ${STUDY_MIN_N})`
      : `数据还不够（${n}，至少 ${STUDY_MIN_N}）`
  }
  const test = TEST_NAMES[c.timeTest.name]
  const p =
    c.timeTest.p === null
      ? ''
      : en
        ? `; ${test} p ${formatP(c.timeTest.p)}`
        : `；${test} p ${formatP(c.timeTest.p)}`
  if (c.timeRatio === null) {
    const completion = COMPLETION_TEST_NAMES[c.completionTest.name]
    const cp =
      c.completionTest.p === null
        ? ''
        : en
          ? `; ${completion} p ${formatP(c.completionTest.p)}`
          : `；${completion} p ${formatP(c.completionTest.p)}`
    return en
      ? `no completed times to compare yet: ${b} completed ${percent(rates[1])}, ${a} ${percent(rates[0])} (${n}${cp})`
      : `还没有可比较的完成用时：${b} 完成 ${percent(rates[1])}，${a} ${percent(rates[0])}（${n}${cp}）`
  }
  const { low, high } = c.timeRatioCi
  const ci =
    low === null || high === null
      ? en
        ? 'no 95 % CI yet'
        : '暂无 95% 置信区间'
      : en
        ? `95 % CI ${times(low)}–${times(high)}×`
        : `95% 置信区间 ${times(low)}–${times(high)} 倍`
  return en
    ? `${b} took ${times(c.timeRatio)}× as long as ${a} (${ci}, ${n}${p})`
    : `${b} 用时是 ${a} 的 ${times(c.timeRatio)} 倍（${ci}，${n}${p}）`
}
