import { Suspense, useEffect, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { friendLinkPath, friendLinkToken, HOME, withSim } from '@/contract/paths.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { isLabMessage } from '@/lib/instrument/events.ts'
import { useSettings } from '@/lib/settings.ts'
import { autoplay, AutoplayStopped } from './autoplay.ts'
import { FLOW_IDS, FLOWS, type FlowId } from './flows.ts'
import { FunnelView } from './FunnelView.tsx'
import { HistoryList } from './HistoryList.tsx'
import { KlmChart } from './KlmChart.tsx'
import { seedWallets } from './lab-api.ts'
import { useLabStore } from './lab-store.ts'
import { LabSettings } from './LabSettings.tsx'
import { PhoneCard, type PhoneFrames } from './PhoneCard.tsx'
import { ResultsTable } from './ResultsTable.tsx'
import { phoneName } from './run.ts'
import { StudiesSection } from './studies/StudiesSection.tsx'
import { compareRoutes, latestRows } from './table-rows.ts'
import './lab.css'

const FRAME_POLL_MS = 50

function newRunId(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 10)
}

/** A phone's address for a run: a device of its own (fresh storage, empty album), reporting to the run. */
function phoneUrl(
  path: string,
  runId: string,
  role: 'shopper' | 'friend',
  era: string,
  lang: string,
) {
  const { world } = useSettings.getState()
  return withSim(path, {
    device: `lab${runId}${role[0]}`,
    persona: role,
    era,
    lang,
    lab: runId,
    world,
  })
}

/** The run's iframe, once React has put it in the page. */
async function frameOf(
  name: string,
  runId: string,
  signal: AbortSignal,
): Promise<HTMLIFrameElement> {
  for (;;) {
    const frame = document.querySelector<HTMLIFrameElement>(
      `iframe[name="${name}"][data-run="${runId}"]`,
    )
    if (frame) return frame
    if (signal.aborted) throw signal.reason
    await new Promise((resolve) => setTimeout(resolve, FRAME_POLL_MS))
  }
}

/**
 * `/lab`: the routes side by side on fresh phones, run by autoplay or by hand; the phones report what
 * happens (lib/instrument), and the lab turns it into a table, a chart, a funnel and a history.
 */
export function LabScreen() {
  const { t, lang } = useT()
  const runs = useLabStore((s) => s.runs)
  const klm = useLabStore((s) => s.klm)
  const drop = useLabStore((s) => s.drop)
  const { start, record, fail } = useLabStore(
    useShallow(({ start, record, fail }) => ({ start, record, fail })),
  )
  const [frames, setFrames] = useState<Partial<Record<FlowId, PhoneFrames>>>({})
  const [playing, setPlaying] = useState<Partial<Record<FlowId, true>>>({})
  const [linkMissing, setLinkMissing] = useState(false)
  const controllers = useRef(new Map<FlowId, AbortController>())

  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      if (e.origin !== window.location.origin || !isLabMessage(e.data)) return
      record(e.data.runId, e.data.phone, e.data.event)
    }
    window.addEventListener('message', onMessage)
    return () => window.removeEventListener('message', onMessage)
  }, [record])

  useEffect(() => {
    const running = controllers.current
    return () => running.forEach((controller) => controller.abort())
  }, [])

  async function begin(flow: FlowId, mode: 'autoplay' | 'hand'): Promise<string> {
    const { era } = FLOWS[flow]
    await seedWallets(flow === 'friend' ? ['shopper', 'friend'] : ['shopper'])
    const runId = newRunId()
    setLinkMissing(false)
    const speed = useLabStore.getState().speed
    start({
      id: runId,
      flow,
      mode,
      speed,
      startedAt: Date.now(),
      done: false,
      failure: null,
      events: [],
    })
    setFrames((f) => ({
      ...f,
      [flow]: { runId, src: phoneUrl(HOME, runId, 'shopper', era, lang), friendSrc: null },
    }))
    return runId
  }

  function openFriendLink(flow: FlowId, runId: string, path: string) {
    const friendSrc = phoneUrl(path, runId, 'friend', FLOWS[flow].era, lang)
    setFrames((f) => {
      const current = f[flow]
      return current?.runId === runId ? { ...f, [flow]: { ...current, friendSrc } } : f
    })
  }

  async function play(flow: FlowId) {
    const controller = new AbortController()
    controllers.current.set(flow, controller)
    setPlaying((p) => ({ ...p, [flow]: true }))
    const runId = await begin(flow, 'autoplay')
    const { signal } = controller
    try {
      const frame = await frameOf(phoneName(flow, 'shopper'), runId, signal)
      await autoplay(frame, FLOWS[flow], {
        times: useLabStore.getState().klm,
        speed: useLabStore.getState().speed,
        signal,
        openOnFriendPhone: async (path) => {
          openFriendLink(flow, runId, path)
          return frameOf(phoneName(flow, 'friend'), runId, signal)
        },
      })
    } catch (error) {
      if (error instanceof AutoplayStopped) fail(runId, error.step)
    } finally {
      controllers.current.delete(flow)
      setPlaying(({ [flow]: _done, ...rest }) => rest)
    }
  }

  async function playAll() {
    for (const flow of FLOW_IDS) await play(flow)
  }

  /** By hand, the friend's phone opens the link the shopper's phone shows. */
  function openLinkByHand(flow: FlowId) {
    const current = frames[flow]
    if (!current) return
    const frame = document.querySelector<HTMLIFrameElement>(
      `iframe[name="${phoneName(flow, 'shopper')}"][data-run="${current.runId}"]`,
    )
    const text = frame?.contentDocument?.querySelector(
      '[data-testid="friend-pay-link"]',
    )?.textContent
    const token = text ? friendLinkToken(text) : null
    setLinkMissing(token === null)
    if (token !== null) openFriendLink(flow, current.runId, friendLinkPath(token))
  }

  const rows = latestRows(runs, klm, drop)
  const comparison = compareRoutes(rows)
  const anyPlaying = Object.keys(playing).length > 0
  return (
    <main className="lab">
      <header className="lab__head">
        <h1>{t('lab.title')}</h1>
        <p className="lab__intro">{t('lab.intro')}</p>
        <p className="lab__autoplay-note" data-testid="lab-autoplay-note">
          {t('lab.autoplayNote')}
        </p>
        <div className="lab-compare" data-testid="lab-compare" aria-live="polite">
          <h2>{t('lab.compare.title')}</h2>
          <p>
            {comparison
              ? t('lab.compare.more', {
                  taps: comparison.taps,
                  switches: comparison.switches,
                  steps: comparison.steps,
                  seconds: comparison.seconds.toFixed(1),
                  lost: comparison.lost,
                })
              : t('lab.compare.pending')}
          </p>
        </div>
        <button
          type="button"
          className="lab-btn lab-btn--primary"
          disabled={anyPlaying}
          onClick={() => void playAll()}
        >
          {t('lab.controls.autoplayAll')}
        </button>
      </header>
      <div className="lab__phones">
        {FLOW_IDS.map((flow) => {
          const current = frames[flow]
          return (
            <PhoneCard
              key={flow}
              flow={flow}
              frames={current ?? null}
              run={runs.find((r) => r.id === current?.runId) ?? null}
              playing={playing[flow] !== undefined}
              onAutoplay={() => void play(flow)}
              onByHand={() => void begin(flow, 'hand')}
              onStop={() => controllers.current.get(flow)?.abort()}
              onOpenLink={flow === 'friend' ? () => openLinkByHand(flow) : undefined}
              linkMissing={flow === 'friend' && linkMissing}
            />
          )
        })}
      </div>
      <ResultsTable rows={rows} />
      <div className="lab__grid">
        <KlmChart rows={rows} klm={klm} />
        <FunnelView rows={rows} />
        <LabSettings />
      </div>
      <HistoryList />
      <Suspense fallback={null}>
        <StudiesSection />
      </Suspense>
    </main>
  )
}
