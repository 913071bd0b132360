// The report's words (report.ts), in the two languages of the product. zh-CN is the reference: the
// English dictionary is typed by it, so it must have every key (and no other).
import type { StudyRoute } from '../../../contract/study.ts'

export type ReportLang = 'zh-CN' | 'en'

const zhCN = {
  untitled: '未命名研究',
  docTitle: (name: string) => `${name} · 研究报告`,
  kicker: '可用性研究报告',
  design: { between: '组间设计（每人一条路线）', within: '组内设计（每人全部路线，顺序平衡）' },
  status: { open: '进行中', closed: '已结束' },
  createdAt: (date: string) => `创建于 ${date}`,
  participants: (total: number, finished: number, quit: number, active: number) =>
    `${total} 名参与者（完成 ${finished}，退出 ${quit}，进行中 ${active}）`,
  target: (finished: number, target: number) => `目标 ${finished}/${target}`,
  minN: (n: number) => `每条路线至少 ${n} 人完成或放弃后才给出统计`,
  nPerRoute: 'n（完成或放弃的任务）',
  routes: {
    jump: '跳转微信支付',
    screenshot: '截图扫码',
    'save-image': '保存二维码图片',
    friend: '找朋友代付',
    'alipay-balance': '支付宝余额',
    'alipay-card': '支付宝银行卡',
    huabei: '花呗',
    unionpay: '云闪付',
  } satisfies Record<StudyRoute, string>,
  notEnough: '数据不足',
  notEnoughN: (n: number, min: number) => `数据不足（n = ${n}，需 ${min}）`,
  none: '—',
  section: {
    table: '各路线结果',
    comparisons: '路线比较',
    charts: '图表',
    funnel: '每一步：到达、流失与模型预测',
    heatmaps: '点击热图',
  },
  metric: {
    started: '开始',
    completed: '完成',
    abandoned: '放弃',
    completion: '完成率（95% Wilson 区间）',
    time: '任务时间中位数（95% bootstrap 区间）',
    taps: '点击次数（每个完成的任务，均值）',
    misclicks: '误点率（每任务误点均值）',
    appSwitches: '应用切换（均值）',
    errors: '错误（均值）',
    seq: 'SEQ 单题易用性（1–7，均值）',
    sus: 'SUS 系统可用性量表（0–100，均值）',
    predicted: 'KLM 模型预测',
  },
  perTask: (n: string) => `每任务 ${n} 次`,
  seconds: (s: string) => `${s} 秒`,
  test: {
    'mann-whitney': 'Mann–Whitney U 检验',
    wilcoxon: 'Wilcoxon 符号秩检验',
    fisher: 'Fisher 精确检验',
    mcnemar: 'McNemar 检验',
  },
  versus: (b: string, a: string) => `${b} 对比 ${a}`,
  timeTest: '时间',
  completionTest: '完成率',
  effect: (r: string) => `秩双列相关 r = ${r}`,
  difference: (points: string) => `完成率差 ${points} 个百分点`,
  ratio: (ratio: string, low: string, high: string) =>
    `时间中位数之比 ${ratio}×（95% 区间 ${low}–${high}×）`,
  comparisonNotEnough: (na: number, nb: number, min: number) =>
    `数据不足（n = ${na} + ${nb}，每条路线需至少 ${min}）`,
  noComparison: '只有一条路线：没有可比较的对象。',
  chart: {
    completion: '完成率及 95% 区间',
    time: '任务时间中位数及 95% 区间（秒）',
    rate: '完成率',
    measured: '实测中位数',
    interval: '95% 区间',
    predicted: 'KLM 预测',
  },
  funnel: {
    screen: '页面',
    reached: '到达',
    dropped: '在此流失',
    median: '停留中位数',
    predicted: 'KLM 预测',
    empty: '还没有记录到页面。',
  },
  heatmap: {
    hits: '点中',
    misclicks: '误点（下方没有可点的东西）',
    taps: (taps: number, misclicks: number) => `${taps} 次点击，其中误点 ${misclicks}`,
    noImage: '没有截图',
    none: '还没有点击记录。',
  },
  klmSource: (source: string) => `KLM 触屏算子取值：${source}。`,
  footer: '由淘宝 × 微信支付模拟器的实验室生成：参与者在模拟的手机上完成任务，不涉及真实付款。',
}

export type ReportMessages = typeof zhCN

const en: ReportMessages = {
  untitled: 'Untitled study',
  docTitle: (name: string) => `${name} · study report`,
  kicker: 'Usability study report',
  design: {
    between: 'Between-subjects (one route per participant)',
    within: 'Within-subjects (every route, counterbalanced order)',
  },
  status: { open: 'open', closed: 'closed' },
  createdAt: (date: string) => `created ${date}`,
  participants: (total: number, finished: number, quit: number, active: number) =>
    `${total} participant${total === 1 ? '' : 's'} (${finished} finished, ${quit} quit, ${active} active)`,
  target: (finished: number, target: number) => `target ${finished}/${target}`,
  minN: (n: number) =>
    `statistics once at least ${n} per route have completed or abandoned their task`,
  nPerRoute: 'n (tasks completed or abandoned)',
  routes: {
    jump: 'Jump to WeChat',
    screenshot: 'Screenshot the QR code',
    'save-image': 'Save the QR image',
    friend: 'Ask a friend',
    'alipay-balance': 'Alipay balance',
    'alipay-card': 'Bank card (Alipay)',
    huabei: 'Huabei',
    unionpay: 'UnionPay',
  },
  notEnough: 'Not enough data yet',
  notEnoughN: (n: number, min: number) => `Not enough data yet (n = ${n}, needs ${min})`,
  none: '—',
  section: {
    table: 'Results per route',
    comparisons: 'Comparisons',
    charts: 'Charts',
    funnel: 'Step by step: reached, dropped, and the model',
    heatmaps: 'Tap heatmaps',
  },
  metric: {
    started: 'Started',
    completed: 'Completed',
    abandoned: 'Abandoned',
    completion: 'Completion rate (95 % Wilson CI)',
    time: 'Time on task, median (95 % bootstrap CI)',
    taps: 'Taps (mean per completed task)',
    misclicks: 'Misclick rate (mean misclicks per task)',
    appSwitches: 'App switches (mean)',
    errors: 'Errors (mean)',
    seq: 'SEQ, Single Ease Question (1–7, mean)',
    sus: 'SUS, System Usability Scale (0–100, mean)',
    predicted: 'KLM prediction',
  },
  perTask: (n: string) => `${n} per task`,
  seconds: (s: string) => `${s} s`,
  test: {
    'mann-whitney': 'Mann–Whitney U test',
    wilcoxon: 'Wilcoxon signed-rank test',
    fisher: "Fisher's exact test",
    mcnemar: "McNemar's test",
  },
  versus: (b: string, a: string) => `${b} vs ${a}`,
  timeTest: 'Time',
  completionTest: 'Completion',
  effect: (r: string) => `rank-biserial r = ${r}`,
  difference: (points: string) => `difference ${points} percentage points`,
  ratio: (ratio: string, low: string, high: string) =>
    `ratio of median times ${ratio}× (95 % CI ${low}–${high}×)`,
  comparisonNotEnough: (na: number, nb: number, min: number) =>
    `Not enough data yet (n = ${na} + ${nb}, needs ${min} per route)`,
  noComparison: 'One route only: nothing to compare it with.',
  chart: {
    completion: 'Completion rate with its 95 % CI',
    time: 'Median time on task with its 95 % CI (seconds)',
    rate: 'completion rate',
    measured: 'measured median',
    interval: '95 % CI',
    predicted: 'KLM prediction',
  },
  funnel: {
    screen: 'Screen',
    reached: 'Reached',
    dropped: 'Dropped here',
    median: 'Median time',
    predicted: 'KLM',
    empty: 'No screens recorded yet.',
  },
  heatmap: {
    hits: 'hit',
    misclicks: 'misclick (nothing tappable under the finger)',
    taps: (taps: number, misclicks: number) =>
      `${taps} tap${taps === 1 ? '' : 's'}, ${misclicks} misclick${misclicks === 1 ? '' : 's'}`,
    noImage: 'no screenshot',
    none: 'No taps recorded yet.',
  },
  klmSource: (source: string) => `KLM touch operator values: ${source}.`,
  footer:
    'Made by the lab of the Taobao × WeChat Pay simulator: participants did their tasks on a simulated phone; no real money moved.',
}

export const REPORT_MESSAGES: Record<ReportLang, ReportMessages> = { 'zh-CN': zhCN, en }
