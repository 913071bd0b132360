/*
 * WeixinJSBridge, simulated: for a merchant's page in its test setup, in place of WeChat's own (which
 * exists only inside WeChat). Include it from the simulator:
 *
 *   <script src="http://localhost:4173/wechat/jsbridge.js"></script>
 *
 * WeixinJSBridge.invoke('getBrandWCPayRequest', params, callback) opens the simulated pay sheet over the
 * page (WeChat checks paySign first) and calls back with { err_msg } as WeChat does:
 * 'get_brand_wcpay_request:ok', ':cancel' or ':fail' (with err_desc). Simulation only: no real money.
 * docs/wechatpay.md "JSAPI".
 */
;(function () {
  'use strict'
  if (window.WeixinJSBridge && window.WeixinJSBridge.simulated) return
  var script = document.currentScript
  var simOrigin = new URL(script && script.src ? script.src : '/', location.href).origin
  var MESSAGE = 'wechat-jsbridge:getBrandWCPayRequest'
  var FIELDS = ['appId', 'timeStamp', 'nonceStr', 'package', 'signType', 'paySign']
  var busy = false

  function later(callback, answer) {
    setTimeout(function () {
      callback(answer)
    }, 0)
  }

  function payRequest(params, callback) {
    if (busy) {
      return later(callback, {
        err_msg: 'get_brand_wcpay_request:fail',
        err_desc: 'a payment is already open',
      })
    }
    busy = true
    var query = new URLSearchParams()
    FIELDS.forEach(function (name) {
      var value = params && params[name]
      query.set(name, value === undefined || value === null ? '' : String(value))
    })
    query.set('origin', location.origin)

    var backdrop = document.createElement('div')
    backdrop.setAttribute('data-wechat-jsbridge', '')
    backdrop.style.cssText =
      'position:fixed;inset:0;z-index:2147483647;display:flex;align-items:flex-end;' +
      'justify-content:center;background:rgba(0,0,0,.5)'
    var frame = document.createElement('iframe')
    frame.title = 'WeChat Pay · 微信支付'
    frame.src = simOrigin + '/wechat/jsapi?' + query.toString()
    frame.style.cssText =
      'width:100%;max-width:480px;height:min(640px,88vh);border:0;' +
      'border-radius:12px 12px 0 0;background:#fff'
    backdrop.appendChild(frame)
    document.body.appendChild(backdrop)
    var opener = document.activeElement
    frame.focus()

    function onMessage(event) {
      if (event.source !== frame.contentWindow || event.origin !== simOrigin) return
      var data = event.data
      if (!data || data.type !== MESSAGE || typeof data.err_msg !== 'string') return
      window.removeEventListener('message', onMessage)
      // The sheet slides away before it goes, as WeChat's does; the frame is removed after that, not
      // inside the tap that closed it (a frame torn down mid-tap also leaves test drivers hanging).
      backdrop.style.transition = 'opacity .18s ease-out'
      backdrop.style.opacity = '0'
      backdrop.style.pointerEvents = 'none'
      setTimeout(function () {
        backdrop.remove()
      }, 180)
      busy = false
      if (opener && typeof opener.focus === 'function') opener.focus()
      callback({ err_msg: data.err_msg })
    }
    window.addEventListener('message', onMessage)
  }

  window.WeixinJSBridge = {
    simulated: true,
    invoke: function (name, params, callback) {
      var answer = typeof callback === 'function' ? callback : function () {}
      if (name === 'getBrandWCPayRequest') return payRequest(params, answer)
      later(answer, { err_msg: name + ':fail', err_desc: 'not simulated' })
    },
    on: function () {},
    call: function () {},
  }
  // As in WeChat: pages wait for this event when the bridge is not there yet.
  later(function () {
    document.dispatchEvent(new Event('WeixinJSBridgeReady'))
  })
})()
