import type { SimMessages } from './sim.zh-CN.ts'

/** The simulator panel's strings in English (see sim.zh-CN.ts). */
export const simEn: SimMessages = {
  title: 'Simulator',
  subtitle: 'Test tool · not part of Taobao',
  done: 'Done',
  saved: 'Saved',
  testApiOff: "The gateway's test API is off (GATEWAY_TEST_API=off)",
  who: {
    title: 'Who',
    persona: 'Logged-in user',
    footer:
      'Changes apply at once: the current screen loads its data again as the new user, era and version.',
  },
  personas: {
    shopper: {
      name: 'Shopper',
      desc: 'Beta invitee · app 10.40.0 · balance ¥5,000 · Huabei ¥3,000 · WeChat ¥2,000',
    },
    not_invited: { name: 'Not invited', desc: 'As shopper, but outside the WeChat Pay beta' },
    old_app: { name: 'Old app', desc: 'As shopper, app 10.10.0 (below 10.38.0)' },
    low_balance: { name: 'Low balance', desc: 'Balance ¥10 · WeChat ¥10 · no Huabei' },
    friend: { name: '小美 (the friend)', desc: 'The friend who pays · WeChat ¥10,000' },
    slow_network: { name: 'Slow network', desc: 'Every gateway answer takes 2 s longer' },
    flaky_gateway: {
      name: 'Flaky gateway',
      desc: 'The first payment confirm fails with SYSTEMERROR, the retry works',
    },
  },
  env: {
    title: 'Era, language and version',
    era: 'Era',
    lang: 'Language',
    footer:
      '2022 beta: WeChat scan-code and ask a friend to pay. 2024 launch: WeChat Pay by jump, on app {{version}} or later.',
  },
  eras: {
    beta: '2022 beta',
    launch: '2024 launch',
  },
  app: {
    useDefault: "Use the persona's version ({{version}})",
    version: 'App version',
    invalid: 'Use the form x.y.z, e.g. 10.38.0',
  },
  wechat: {
    title: 'WeChat',
    qr: 'What the pay QR code holds',
    qrWeb: "Web link (a phone's camera opens it)",
    qrWeixin: "WeChat's own link",
    longPress: 'Long-press to identify a pay code',
    refuse: 'Refuse (as real WeChat)',
    allow: 'Allow',
    footer:
      'Real WeChat refuses a long-press on a pay code ("该商户暂不支持通过长按识别二维码完成支付"): the route that works is Scan → Album.',
  },
  huabei: {
    title: 'Huabei installment fees',
    plan: '{{n}} installments',
    save: 'Save',
    defaults: 'Defaults',
    invalid: 'Enter a percentage from 0 to 100, with at most two decimals',
    footer:
      "The buyer's fee as a share of the amount, kept by the gateway for every phone; seller-paid (interest-free) items have none. Defaults 2.5 %, 4.5 %, 8.8 %.",
  },
  faults: {
    title: 'Gateway faults',
    notify: 'Payment notifications (gateway → merchant)',
    modes: {
      normal: 'Normal',
      drop: 'Drop',
      duplicate: 'Twice',
      delay: 'Delay',
    },
    latency: 'Answer latency',
    apply: 'Apply',
    latencyInvalid: 'Enter whole milliseconds from 0 to {{max}}',
    failNext: 'Fail the next confirm',
    failNone: 'Off',
    footer:
      'A delayed notification arrives as late as the answer latency (5 s when it is 0). The failing confirm fires once and charges nothing. A reset heals everything.',
  },
  clock: {
    title: 'Gateway clock',
    now: 'Gateway time',
    ahead: '{{amount}} ahead of real time',
    advance: 'Advance',
    advanced: 'Advanced: the gateway says {{time}}',
    footer:
      'Order deadlines, QR and pay-for-me link expiry and payment locks all follow the gateway clock. It only moves forward; a reset brings back real time.',
    steps: {
      m1: '+1 min',
      m10: '+10 min',
      m30: '+30 min',
      h2: '+2 h',
      d1: '+1 day',
    },
    units: {
      d: '{{n}} d',
      h: '{{n}} h',
      min: '{{n}} min',
    },
  },
  reset: {
    title: 'Data',
    button: 'Reset all data',
    question:
      'The gateway goes back to its seed (orders, payments, pay-for-me requests, bills, wallets, clock, fees, faults) and this phone forgets its settings and records. Reset?',
    cancel: 'Cancel',
    confirm: 'Reset',
    resetting: 'Resetting…',
  },
}
