/**
 * The words of the simulated 支付宝 app on the phone (home, 扫一扫, the pay sheet of a scanned code, 账单).
 * They load with its screens (router.tsx `screen(…, ['alipay', 'alipayApp'])`), beside the cashier's
 * `alipay` words, which its pay sheet shares; en's type follows this one.
 */
export const alipayAppZhCN = {
  appName: '支付宝',
  back: '返回',
  simNote: '模拟支付宝 · 不会产生真实扣款',
  notOpen: '模拟支付宝只开放了扫一扫和账单',
  home: {
    city: '杭州',
    search: '搜索',
    searchHint: '蚂蚁森林',
    add: '添加',
    top: {
      scan: '扫一扫',
      payCode: '收付款',
      travel: '出行',
      cards: '卡包',
    },
    grid: {
      transfer: '转账',
      cardRepay: '信用卡还款',
      topUp: '充值中心',
      yuebao: '余额宝',
      huabei: '花呗',
      bills: '账单',
      forest: '蚂蚁森林',
      utilities: '生活缴费',
      city: '市民中心',
      more: '更多',
    },
    assets: '我的资产',
    balance: '账户余额',
    huabei: '花呗可用',
    card: '银行卡',
    cardName: '招商银行(8888)',
  },
  tabs: {
    home: '首页',
    wealth: '理财',
    video: '视频',
    messages: '消息',
    me: '我的',
  },
  scan: {
    title: '扫一扫',
    hint: '将二维码放入框内，即可自动扫描',
    album: '相册',
    torch: '轻触照亮',
    modeScan: '扫码',
    modeAr: 'AR',
  },
  album: {
    title: '所有照片',
    cancel: '取消',
    import: '从电脑导入图片',
    importHint: '如商家页面的截图，导入后点选即可识别',
    screenshot: '截屏 {{n}}，{{time}}',
    saved: '图片 {{n}}，{{time}}',
    empty: '相册里还没有照片',
    reading: '正在识别…',
  },
  code: {
    none: '未识别到二维码，请换一张图片',
    wechat: '这是微信支付的收款码，请使用微信扫一扫付款',
    content: '二维码内容',
    ok: '我知道了',
  },
  pay: {
    title: '确认付款',
    payee: '付款给',
    subject: '订单信息',
    success: '支付成功',
    toBills: '查看账单',
    done: '完成',
  },
  bills: {
    title: '账单',
    filterAll: '全部账单',
    empty: '暂无账单',
    spent: '支出 {{amount}}',
    detail: '账单详情',
    notFound: '没有找到这笔账单',
    taobao: '淘宝',
    merchant: '商家',
    status: '当前状态',
    success: '交易成功',
    refunded: '已退款',
    paidAt: '支付时间',
    method: '付款方式',
    goods: '商品说明',
    payee: '收款方全称',
    transactionId: '支付宝交易号',
    orderNo: '商家订单号',
    other: '其他方式',
    question: '对此订单有疑问',
  },
}

export type AlipayAppWords = typeof alipayAppZhCN
export interface AlipayAppMessages {
  alipayApp: AlipayAppWords
}
