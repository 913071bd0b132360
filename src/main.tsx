import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { syncDocumentLang } from './lib/i18n/i18n.ts'
import { labRunId } from './lib/instrument/lab-run.ts'
import { applySearchSettings } from './lib/settings.ts'
import './ui/base.css'

// The URL's ?persona= ?era= ?lang= win before the first render and the first API call.
applySearchSettings(window.location.search)
// English words are a chunk of their own: an English phone waits for them rather than flash Chinese.
const languageReady = syncDocumentLang()

// Inside the UX lab (/lab), the phone reports what the shopper does to the lab: see lib/instrument.
const labRun = labRunId(window.location.search)
if (labRun) void import('./app/lab-probe.ts').then((probe) => probe.startLabProbe(labRun))

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
void languageReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
)
