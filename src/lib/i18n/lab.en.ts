import type { LabMessages } from './lab.zh-CN.ts'

/** The UX lab's strings in English (see lab.zh-CN.ts). */
export const labEn: LabMessages = {
  title: 'UX lab: jump to WeChat vs screenshot the QR code',
  intro:
    'One order, three ways to pay, each run on a brand-new simulated phone. Every tap, keystroke, screen, app switch, wait and error is recorded, and set against a Keystroke-Level Model (KLM) prediction.',
  autoplayNote: "Autoplay: the system's own time at the model's pace — not a person's",
  compare: {
    title: 'In one sentence',
    pending:
      'Run "Jump to WeChat" and "Screenshot the code" once each (autoplay or by hand) to see them compared here.',
    more: 'Screenshotting the code takes {{taps}} more taps, {{switches}} more app switches by hand and {{steps}} more screens than jumping to WeChat; the KLM predicts {{seconds}} s more, and at the current drop-off {{lost}} percentage points fewer shoppers finish paying.',
  },
  flows: {
    jump: {
      name: 'Jump to WeChat',
      route:
        '2024 launch: WeChat Pay in the cashier → WeChat opens by itself → password → back to Taobao by itself',
    },
    screenshot: {
      name: 'Screenshot the code',
      route:
        '2022 beta: QR code in the cashier → screenshot → switch to WeChat → Scan → Album → pay → switch back',
    },
    friend: {
      name: 'Ask a friend',
      route:
        'Create a pay link → send it to a friend → the friend pays on their own phone → Taobao shows paid',
    },
  },
  phone: {
    shopper: "Shopper's phone",
    friend: "Friend's phone",
    empty: 'Not started yet.',
    autoplay: 'Autoplay',
    byHand: 'Start over by hand',
    stop: 'Stop',
    openLink: "Open the link on the friend's phone",
    noLink: "The shopper's phone shows no pay link yet.",
    status: {
      idle: 'Idle',
      running: 'Running…',
      done: 'Paid in {{seconds}} s',
      failed: 'Autoplay stopped at: {{step}}',
      stopped: 'Stopped',
    },
  },
  controls: {
    title: 'Settings',
    autoplayAll: 'Autoplay every route in turn',
    speed: 'Autoplay speed',
    speedOption: '×{{speed}}',
    speedHint:
      "×1 taps at the KLM model's pace; faster only saves time. The figures are what happened.",
    klm: 'KLM operator times (seconds)',
    k: 'K keystroke',
    p: 'P point at a target',
    m: 'M mental preparation',
    s: 'App switch',
    invalid: 'Enter seconds from 0 to 60',
    klmSource: 'Defaults are the published mobile (touch) values: {{source}}',
  },
  table: {
    title: 'Each route, measured (latest run)',
    caption: 'What the latest run of each route recorded, and the KLM prediction',
    flow: 'Route',
    mode: 'Mode',
    steps: 'Screens',
    taps: 'Taps',
    keystrokes: 'Keystrokes',
    appSwitches: 'App switches by hand',
    elapsed: 'Elapsed (s)',
    waiting: 'Of which network wait (s)',
    errors: 'Errors shown',
    klm: 'KLM prediction (s)',
    completing: 'Projected completion',
    autoplayMode: 'Autoplay ×{{speed}}',
    handMode: 'By hand',
    unfinished: '(not finished)',
    empty: 'No runs yet.',
    circular:
      "Autoplay taps at the KLM's own pace, so its elapsed time against the KLM prediction is circular, not evidence: for people's times, see Studies below.",
  },
  chart: {
    title: 'Where the predicted time goes',
    label: 'KLM predicted time per route, by operator',
    taps: 'Taps (M+P)',
    keys: 'Keystrokes (M+K)',
    switches: 'App switches',
    seconds: '{{seconds}} s',
  },
  funnel: {
    title: 'Funnel projection',
    hint: 'Every extra screen and every app switch by hand loses some shoppers.',
    perStep: 'Drop-off per screen (%)',
    perSwitch: 'Drop-off per app switch (%)',
    invalid: 'Enter 0 to 100',
    completing: '{{flow}}: about {{n}} of 100 shoppers finish paying',
  },
  history: {
    title: 'Run history',
    when: 'Time',
    clear: 'Clear history',
    empty: 'No runs yet.',
    done: 'Paid',
    notDone: 'Not finished',
    result: 'Result',
  },
  export: {
    csv: 'Export CSV',
    json: 'Export JSON',
  },
}
