/**
 * The UX lab's strings (the `lab` namespace, /lab): they load with the lab, not with the first screen (see
 * `loadMessages` in i18n.ts). lab.en.ts must have exactly these keys.
 */
export const labZhCN = {
  title: 'UX 实验室：跳转微信 vs 截屏扫码',
  intro:
    '同一笔订单，三种付款路线，各在一部全新的模拟手机上跑一遍。每次点击、按键、页面、切换应用、等待和错误都被记录下来，并与击键层次模型（KLM）的预测对比。',
  autoplayNote: '自动演示：按模型的节奏测的是系统本身的用时，不是真人的用时',
  compare: {
    title: '一句话结论',
    pending: '先让「跳转微信」和「截屏扫码」各跑一遍（自动演示或手动），这里会给出对比。',
    more: '截屏扫码比跳转微信多 {{taps}} 次点击、{{switches}} 次手动切换应用、{{steps}} 个页面，KLM 预计多用 {{seconds}} 秒，按当前流失率少 {{lost}} 个百分点的顾客完成付款。',
  },
  flows: {
    jump: {
      name: '跳转微信',
      route: '2024 上线：淘宝收银台选微信支付 → 自动跳到微信 → 输密码 → 自动返回淘宝',
    },
    screenshot: {
      name: '截屏扫码',
      route: '2022 内测：收银台出二维码 → 截屏 → 切到微信 → 扫一扫 → 相册 → 付款 → 切回淘宝',
    },
    friend: {
      name: '找朋友帮忙付',
      route: '生成代付链接 → 发给朋友 → 朋友在自己的手机上付款 → 淘宝自动显示已付',
    },
  },
  phone: {
    shopper: '买家的手机',
    friend: '朋友的手机',
    empty: '还没有开始。',
    autoplay: '自动演示',
    byHand: '手动重来',
    stop: '停止',
    openLink: '在朋友手机上打开链接',
    noLink: '买家手机上还没有代付链接。',
    status: {
      idle: '空闲',
      running: '进行中…',
      done: '已付款，用时 {{seconds}} 秒',
      failed: '自动演示停在这一步：{{step}}',
      stopped: '已停止',
    },
  },
  controls: {
    title: '设置',
    autoplayAll: '依次自动演示全部路线',
    speed: '自动演示速度',
    speedOption: '×{{speed}}',
    speedHint: '×1 按 KLM 模型的节奏点按；更快只是为了省时间，记录的是实际发生的。',
    klm: 'KLM 操作时间（秒）',
    k: 'K 按键',
    p: 'P 指向目标',
    m: 'M 心理准备',
    s: '切换应用',
    invalid: '请输入 0–60 之间的秒数',
    klmSource: '默认值为移动端触屏的文献值：{{source}}',
  },
  table: {
    title: '每条路线的数据（最近一次运行）',
    caption: '按路线列出最近一次运行实际记录到的数据与 KLM 预测',
    flow: '路线',
    mode: '方式',
    steps: '页面数',
    taps: '点击',
    keystrokes: '按键',
    appSwitches: '手动切换应用',
    elapsed: '实际用时（秒）',
    waiting: '其中等待网络（秒）',
    errors: '屏幕上的错误',
    klm: 'KLM 预测（秒）',
    completing: '预计完成率',
    autoplayMode: '自动 ×{{speed}}',
    handMode: '手动',
    unfinished: '（未完成）',
    empty: '还没有运行。',
    circular:
      '自动演示是按 KLM 的节奏点的，所以它的「实际用时」和「KLM 预测」互相印证，不能当证据；真人的用时请看下面的「研究」。',
  },
  chart: {
    title: 'KLM 预测用时从哪来',
    label: '各路线的 KLM 预测用时，按操作拆分',
    taps: '点击（M+P）',
    keys: '按键（M+K）',
    switches: '切换应用',
    seconds: '{{seconds}} 秒',
  },
  funnel: {
    title: '漏斗预测',
    hint: '每多一个页面、每多一次手动切换应用，就有一部分顾客放弃。',
    perStep: '每个页面流失（%）',
    perSwitch: '每次切换应用流失（%）',
    invalid: '请输入 0–100',
    completing: '{{flow}}：100 位顾客中约 {{n}} 位完成付款',
  },
  history: {
    title: '运行记录',
    when: '时间',
    clear: '清空记录',
    empty: '还没有运行记录。',
    done: '已付款',
    notDone: '未完成',
    result: '结果',
  },
  export: {
    csv: '导出 CSV',
    json: '导出 JSON',
  },
}

export type LabMessages = typeof labZhCN
