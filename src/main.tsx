import './ui/tokens.css'
// Then zod's config, before any chunk defines a schema (see the file).
import './lib/zod-jitless.ts'
import { startTransition, StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { FirstFrameApp, firstFrameLang, seedFits } from './app/FirstFrameApp.tsx'
import { preloadScreen } from './app/router.tsx'
import { syncDocumentLang } from './lib/i18n/i18n.ts'
import { readOrderSeed, spendOrderSeed } from './lib/order-seed.ts'
import { applySearchSettings, effectiveLang, useSettings } from './lib/settings.ts'
import './ui/base.css'

// The URL's ?persona= ?era= ?lang= win before the first render and the first API call.
applySearchSettings(window.location.search, window.location.pathname)
// English words are a chunk of their own: an English phone waits for them rather than flash Chinese.
const languageReady = syncDocumentLang()
// A desktop screen's code (the lab, a study, the console) loads meanwhile, not after the words.
preloadScreen(window.location.pathname)

// Inside the UX lab (/lab), a framed phone reports what the shopper does to the lab: see lib/instrument.
// Only a frame can be one, so nothing of it weighs on a phone's first chunk.
if (isFramed()) {
  const search = window.location.search
  void import('./app/lab-probe.ts').then((probe) => probe.startLabProbe(search))
}

function isFramed(): boolean {
  try {
    return window.self !== window.top
  } catch {
    return true
  }
}

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
// The cart `/`'s HTML was drawn with, if it was (src/server/order-page.ts).
const seed = readOrderSeed(document)
void languageReady.then(() => {
  const settings = useSettings.getState()
  const lang = effectiveLang(settings.lang)
  // `/`'s HTML carries the order page's frame (src/server/first-frame.ts), painted before this script ran:
  // hydrated when it is in the phone's language and drawn with this phone's cart (or none), else replaced.
  const fits = seed === null || seedFits(seed, settings)
  if (firstFrameLang(root) === lang && window.location.pathname === '/' && fits) {
    // In a transition: the frame is on screen already, so its hydration may yield to the browser.
    startTransition(() => {
      hydrateRoot(
        root,
        <StrictMode>
          <FirstFrameApp lang={lang} catalog={seed?.catalog} />
        </StrictMode>,
      )
    })
    return
  }
  spendOrderSeed()
  root.replaceChildren()
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
})
