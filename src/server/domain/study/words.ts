// The words a study's server side writes in the study's language: the routes' names, the default task
// texts, the comparisons' plain summaries.
import type { StudyRoute } from '../../../contract/study.ts'
import type { StudyLang } from './model.ts'

export const ROUTE_NAMES: Record<StudyLang, Record<StudyRoute, string>> = {
  en: {
    jump: 'jump',
    screenshot: 'screenshot',
    'save-image': 'save-image',
    friend: 'friend',
    'alipay-balance': 'alipay-balance',
    'alipay-card': 'alipay-card',
    huabei: 'huabei',
    unionpay: 'unionpay',
  },
  'zh-CN': {
    jump: '跳转微信',
    screenshot: '截图扫码',
    'save-image': '保存图片扫码',
    friend: '找朋友帮忙付',
    'alipay-balance': '支付宝余额',
    'alipay-card': '支付宝银行卡',
    huabei: '花呗',
    unionpay: '云闪付',
  },
}

const HOW: Record<StudyLang, Record<StudyRoute, string>> = {
  en: {
    jump: 'with WeChat Pay, letting Taobao open WeChat for you',
    screenshot: 'with WeChat Pay by taking a screenshot of the QR code and scanning it in WeChat',
    'save-image': 'with WeChat Pay by saving the QR code image and scanning it in WeChat',
    friend: 'by asking a friend to pay for you',
    'alipay-balance': 'from your Alipay balance',
    'alipay-card': 'with the bank card in Alipay',
    huabei: 'with Huabei',
    unionpay: 'with UnionPay',
  },
  'zh-CN': {
    jump: '用微信支付（让淘宝跳转到微信）',
    screenshot: '用微信支付（截图付款码，再到微信里扫码）',
    'save-image': '用微信支付（保存付款码图片，再到微信里扫码）',
    friend: '找朋友帮你付款',
    'alipay-balance': '用支付宝余额',
    'alipay-card': '用支付宝里的银行卡',
    huabei: '用花呗',
    unionpay: '用云闪付',
  },
}

/** The task text a route gets when the study gives none. */
export function defaultTaskText(route: StudyRoute, lang: StudyLang): string {
  return lang === 'en'
    ? `Buy the goods in your cart and pay ${HOW.en[route]}.`
    : `购买购物车里的商品，并${HOW['zh-CN'][route]}完成付款。`
}
