/**
 * The simulator panel's strings (the `sim` namespace, all but `sim.open`): they load with the panel, not with
 * the first screen (see `loadMessages` in i18n.ts). sim.en.ts must have exactly these keys.
 */
export const simZhCN = {
  title: '模拟器设置',
  subtitle: '测试工具 · 不属于淘宝界面',
  done: '完成',
  saved: '已保存',
  testApiOff: '网关的测试接口已关闭（GATEWAY_TEST_API=off）',
  who: {
    title: '身份',
    persona: '登录用户',
    footer: '切换后立即生效：当前页面按新的身份、时期和版本重新加载数据。',
  },
  personas: {
    shopper: {
      name: '普通买家',
      desc: '受邀内测 · App 10.40.0 · 余额 ¥5,000 · 花呗 ¥3,000 · 零钱 ¥2,000',
    },
    not_invited: { name: '未受邀用户', desc: '同普通买家，但不在微信支付内测名单中' },
    old_app: { name: '旧版淘宝', desc: '同普通买家，App 10.10.0（低于 10.38.0）' },
    low_balance: { name: '余额不足', desc: '余额 ¥10 · 零钱 ¥10 · 没有花呗' },
    friend: { name: '小美（代付好友）', desc: '帮忙付款的朋友 · 零钱 ¥10,000' },
    slow_network: { name: '网络很慢', desc: '网关每次应答都慢 2 秒' },
    flaky_gateway: { name: '网关不稳定', desc: '第一次确认付款返回 SYSTEMERROR，重试成功' },
  },
  env: {
    title: '时期、语言与版本',
    era: '时期',
    lang: '语言',
    footer:
      '2022 内测：微信扫码支付、找朋友帮忙付；2024 全面开放：微信支付直接跳转，需要 App {{version}} 及以上。',
  },
  eras: {
    beta: '2022 内测',
    launch: '2024 全面开放',
  },
  app: {
    useDefault: '使用该用户的默认版本（{{version}}）',
    version: 'App 版本',
    invalid: '格式应为 x.y.z，例如 10.38.0',
  },
  wechat: {
    title: '微信',
    qr: '收款二维码内容',
    qrWeb: '网页链接（手机相机可直接打开）',
    qrWeixin: '微信协议链接',
    longPress: '长按识别支付二维码',
    refuse: '拒绝（同真实微信）',
    allow: '允许',
    footer:
      '真实微信长按识别支付码时提示“该商户暂不支持通过长按识别二维码完成支付”，可行的路线是扫一扫 → 相册。',
  },
  huabei: {
    title: '花呗分期手续费',
    plan: '{{n}} 期',
    save: '保存',
    defaults: '恢复默认',
    invalid: '请输入 0 到 100 之间、最多两位小数的百分比',
    footer:
      '买家承担的手续费率（占订单金额），保存在网关，所有手机共用；商家承担（免息）的商品为 0。默认 2.5%、4.5%、8.8%。',
  },
  faults: {
    title: '网关故障',
    notify: '支付结果通知（网关 → 商户）',
    modes: {
      normal: '正常',
      drop: '丢失',
      duplicate: '重复',
      delay: '延迟',
    },
    latency: '应答延迟',
    apply: '应用',
    latencyInvalid: '请输入 0 到 {{max}} 之间的整数毫秒',
    failNext: '下一次确认付款失败',
    failNone: '不失败',
    footer:
      '“延迟”的通知晚到“应答延迟”的时长（为 0 时 5 秒）。下一次确认付款失败只生效一次，不扣款。重置后全部恢复正常。',
  },
  clock: {
    title: '网关时钟',
    now: '网关时间',
    ahead: '比真实时间快 {{amount}}',
    advance: '快进',
    advanced: '已快进，网关时间 {{time}}',
    footer:
      '订单超时关闭、二维码和代付链接过期、支付锁定都按网关时钟计算；时钟只能前进，重置后回到真实时间。',
    steps: {
      m1: '+1 分钟',
      m10: '+10 分钟',
      m30: '+30 分钟',
      h2: '+2 小时',
      d1: '+1 天',
    },
    units: {
      d: '{{n}} 天',
      h: '{{n}} 小时',
      min: '{{n}} 分钟',
    },
  },
  reset: {
    title: '数据',
    button: '重置所有数据',
    question:
      '网关回到初始数据（订单、付款、代付、账单、钱包、时钟、费率、故障），这台手机保存的设置和记录也会清除。确定重置吗？',
    cancel: '取消',
    confirm: '确定重置',
    resetting: '正在重置…',
  },
}

export type SimMessages = typeof simZhCN
