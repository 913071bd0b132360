import type { ConsoleDelivery } from '../../contract/console.ts'
import type { SignedNotification } from './notify.ts'

// What Taobao's outbox shows the console of one attempt: the signed notification as "sent" to the
// merchant (in this process), and the merchant's answer.

/** Where Taobao's own merchant hears of a payment: in this process, not over the network. */
export const TAOBAO_NOTIFY_URL = 'in-process://taobao-merchant/notify'

/** The request part: the body and the signature's headers, as WeChat Pay's would carry them. */
export function signedRequest(
  signed: SignedNotification,
): Pick<ConsoleDelivery, 'requestHeaders' | 'requestBody'> {
  return {
    requestHeaders: {
      'content-type': 'application/json',
      'wechatpay-timestamp': signed.timestamp,
      'wechatpay-nonce': signed.nonce,
      'wechatpay-signature': signed.signature,
      'wechatpay-signature-type': 'HMAC-SHA256',
    },
    requestBody: signed.body,
  }
}

/** An attempt of payment `paymentId`'s notification, not sent yet: fill in the rest. */
export function taobaoDelivery(paymentId: string, attempt: number): ConsoleDelivery {
  return {
    channel: 'taobao',
    notificationId: paymentId,
    attempt,
    url: TAOBAO_NOTIFY_URL,
    method: 'POST',
    requestHeaders: {},
    requestBody: '',
    decrypted: null,
    status: null,
    responseBody: '',
    ms: 0,
    outcome: 'failed',
    nextRetryAt: null,
  }
}
