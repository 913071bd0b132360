import { secureHeaders } from 'hono/secure-headers'

/**
 * The production server's security headers, on pages, assets and the API alike.
 *
 * - Scripts only from this origin (Vite emits no inline script).
 * - Styles allow 'unsafe-inline': React's `style` props are set through the CSSOM (allowed anyway), but
 *   modern-screenshot writes `<style>` into its own same-origin sandbox frame to read default styles.
 * - Images from data: and blob: URLs: QR codes, screenshots, the album; `connect-src` too, since
 *   modern-screenshot fetches those URLs to inline them. EventSource to /api is 'self'.
 * - `/stage` shows the app in two same-origin iframes, so framing is allowed for 'self' only, and those
 *   frames are delegated the clipboard (copy the link, paste it in WeChat's chat).
 * - No HSTS: the server speaks plain HTTP (loopback, or behind whatever terminates TLS).
 * - Referrer-Policy no-referrer: a pay-for-me URL carries its secret token.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", 'data:', 'blob:'],
  mediaSrc: ["'self'", 'data:', 'blob:'],
  workerSrc: ["'self'", 'blob:'],
  frameSrc: ["'self'"],
  frameAncestors: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
}

export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    strictTransportSecurity: false,
    xFrameOptions: 'SAMEORIGIN',
    referrerPolicy: 'no-referrer',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
      clipboardRead: ['self'],
      clipboardWrite: ['self'],
    },
  })
}
