/**
 * The words of the simulated Alipay (its cashier, the pay sheet of a scanned code). They load with the
 * screens that use them (router.tsx `screen(…, ['alipay'])`), not with the first screen; en's type follows
 * this one.
 */
export const alipayZhCN = {
  brand: '支付宝',
  cashier: '支付宝收银台',
  simNote: '模拟支付宝 · 不会产生真实扣款',
  address: 'mclient.alipay.com（模拟）',
  back: '返回商家',
  merchant: '收款方',
  subject: '商品',
  orderNo: '商户订单号',
  amount: '付款金额',
  methods: '付款方式',
  method: {
    'alipay-balance': '账户余额',
    huabei: '花呗',
    'alipay-card': '银行卡',
  },
  methodNote: {
    'alipay-balance': '使用支付宝余额付款',
    huabei: '先消费，下月再还',
    'alipay-card': '使用已绑定的银行卡付款',
  },
  confirm: '立即付款',
  opening: '正在打开订单…',
  pinMethod: '付款方式：{{method}}',
  locked: '支付密码已锁定，请稍后再试',
  success: '支付成功',
  successTo: '已付款给 {{merchant}}',
  done: '完成',
  returnNote: '完成后将返回商家页面',
  tradeNo: '支付宝交易号',
  ended: {
    paid: '该订单已支付',
    closed: '交易已关闭',
    finished: '交易已完结',
    notFound: '订单不存在或已失效',
  },
  problemTitle: '付款未成功',
  ok: '我知道了',
  invalidLink: '这不是一个有效的支付宝付款链接',
}

export type AlipayWords = typeof alipayZhCN
export interface AlipayMessages {
  alipay: AlipayWords
}
