import type { MiddlewareHandler } from 'hono'

/** The WeixinJSBridge stand-in that merchants' pages include (public/wechat/jsbridge.js). */
export const JSBRIDGE_PATH = '/wechat/jsbridge.js'
/** The pay sheet it opens in a frame over the merchant's page (another origin). */
export const JSAPI_SHEET_PATH = '/wechat/jsapi'

/**
 * For the site's pages, registered before the security headers (it runs after them): the bridge script
 * may be loaded by any page (Cross-Origin-Resource-Policy), and its pay sheet framed by any page
 * (frame-ancestors *, no X-Frame-Options), as WeChat's sheet shows over whatever page asked for it.
 */
export function jsbridgeHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const path = c.req.path
    if (path === JSBRIDGE_PATH) {
      c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin')
      c.res.headers.set('Cache-Control', 'no-cache')
    } else if (path === JSAPI_SHEET_PATH) {
      const csp = c.res.headers.get('Content-Security-Policy')
      if (csp) {
        c.res.headers.set(
          'Content-Security-Policy',
          csp.replace(/frame-ancestors [^;]*/, 'frame-ancestors *'),
        )
      }
      c.res.headers.delete('X-Frame-Options')
    }
  }
}
