import { useEffect, useRef, useState } from 'react'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { albumOpen, wechatPath, withAlbum } from '@/contract/paths.ts'
import { photoBlob, type AlbumPhoto } from '@/lib/album/album.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useSettings } from '@/lib/settings.ts'
import { AlbumPicker } from './AlbumPicker.tsx'
import { Avatar } from './Avatar.tsx'
import { useChatStore, type ChatMessage } from './chat-store.ts'
import { chatTime } from './chat-time.ts'
import { CodeNoticeDialog } from './CodeNoticeDialog.tsx'
import { contactName, greetingOf } from './contact-name.ts'
import { contactById, CONTACTS, PROFILES, type Contact } from './contacts.ts'
import { ImageBubble } from './ImageBubble.tsx'
import { splitLinks } from './pay-code.ts'
import { PhotoImg } from '@/ui/PhotoImg.tsx'
import { useOpenCode, type CodeNotice } from './useOpenCode.ts'
import { WxHeader } from './WxHeader.tsx'
import { ActionSheet } from './WxDialog.tsx'
import { IconImage, IconLink, IconMore, IconPlus, IconSmile, IconVoice } from './wx-icons.tsx'

const EMPTY: ChatMessage[] = []

type Held = { photoId: string; code: string | null | undefined }

/** One chat: the messages this phone sent, an input bar, + → 相册 / 链接, long press on an image. */
export function ChatScreen() {
  const { t, lang } = useT()
  const navigate = useNavigate()
  const { chatId = '' } = useParams()
  const contact = contactById(chatId) ?? CONTACTS[0]
  const messages = useChatStore((s) => s.chats[contact?.id ?? ''] ?? EMPTY)
  const send = useChatStore((s) => s.send)
  const [params, setParams] = useSearchParams()
  const picking = albumOpen(params)
  const [more, setMore] = useState(false)
  const [text, setText] = useState('')
  const [held, setHeld] = useState<Held | null>(null)
  const [viewing, setViewing] = useState<string | null>(null)
  const [notice, setNotice] = useState<CodeNotice | null>(null)
  const openCode = useOpenCode()
  const end = useRef<HTMLDivElement>(null)
  const [now] = useState(() => Date.now())

  useEffect(() => {
    // Newer browsers return a promise from scrollIntoView: an effect must not return it.
    void end.current?.scrollIntoView({ block: 'end' })
  }, [messages.length])

  if (!contact) return null

  function setPicking(on: boolean) {
    setParams(withAlbum(params, on), { replace: !on })
  }

  function sendText() {
    const body = text.trim()
    if (!body || !contact) return
    send(contact.id, { kind: 'text', text: body })
    setText('')
  }

  function sendPhoto(photo: AlbumPhoto) {
    if (!contact) return
    send(contact.id, { kind: 'image', photoId: photo.id, width: photo.width, height: photo.height })
    setMore(false)
    setPicking(false)
  }

  async function pasteLink() {
    try {
      const clip = await navigator.clipboard.readText()
      if (clip.trim()) setText(clip.trim())
    } catch {
      // No clipboard access: the shopper pastes by hand.
    }
    setMore(false)
  }

  function holdImage(photoId: string) {
    setHeld({ photoId, code: undefined })
    void (async () => {
      const blob = await photoBlob(photoId)
      const { decodeQr } = await import('@/lib/album/decode-qr.ts')
      const code = blob ? await decodeQr(blob).catch(() => null) : null
      setHeld((h) => (h?.photoId === photoId ? { photoId, code } : h))
    })()
  }

  const greeting = greetingOf(contact, lang)
  return (
    <div className="wx">
      <WxHeader
        title={contactName(contact, lang)}
        onBack={() => void navigate(wechatPath())}
        right={
          <span className="wx-header__btn" aria-hidden="true">
            <IconMore />
          </span>
        }
      />
      <main className="wx-main" aria-label={t('wechat.chat.messages')}>
        <div className="wx-chat">
          {greeting && (
            <>
              <span className="wx-chat__time">
                {chatTime(now - contact.greetingAgoMin * 60_000, now, lang, t('wechat.yesterday'))}
              </span>
              <Bubble contact={contact} mine={false}>
                <div className="wx-bubble">{greeting}</div>
              </Bubble>
            </>
          )}
          {messages.map((m, i) => (
            <MessageRow
              key={m.id}
              message={m}
              contact={contact}
              showTime={i === 0 || m.at - (messages[i - 1]?.at ?? 0) > 5 * 60_000}
              now={now}
              onOpenImage={setViewing}
              onHoldImage={holdImage}
              onOpenLink={(url) => setNotice(openCode(url, 'scan'))}
            />
          ))}
          <div ref={end} />
        </div>
      </main>
      <div className="wx-inputbar">
        <span className="wx-round-btn" aria-hidden="true">
          <IconVoice size={20} />
        </span>
        <input
          value={text}
          aria-label={t('wechat.chat.input')}
          enterKeyHint="send"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && sendText()}
          onFocus={() => setMore(false)}
        />
        <span className="wx-round-btn" aria-hidden="true">
          <IconSmile size={20} />
        </span>
        {text.trim() ? (
          <button type="button" className="wx-send" onClick={sendText}>
            {t('wechat.chat.send')}
          </button>
        ) : (
          <button
            type="button"
            className="wx-round-btn"
            aria-label={t('wechat.chat.more')}
            aria-expanded={more}
            onClick={() => setMore((v) => !v)}
          >
            <IconPlus size={18} />
          </button>
        )}
      </div>
      {more && (
        <div className="wx-more">
          <button type="button" onClick={() => setPicking(true)}>
            <span className="wx-more__icon">
              <IconImage size={28} />
            </span>
            {t('wechat.chat.album')}
          </button>
          <button type="button" onClick={() => void pasteLink()}>
            <span className="wx-more__icon">
              <IconLink size={28} />
            </span>
            {t('wechat.chat.link')}
          </button>
        </div>
      )}
      {picking && <AlbumPicker mode="send" onPick={sendPhoto} onClose={() => setPicking(false)} />}
      {viewing && (
        <button
          type="button"
          className="wx-viewer"
          aria-label={t('common.close')}
          onClick={() => setViewing(null)}
        >
          <PhotoImg
            missingClassName="wx-photo-missing"
            photoId={viewing}
            alt={t('wechat.chat.image')}
          />
        </button>
      )}
      {held && (
        <ActionSheet
          label={t('wechat.chat.imageActions')}
          cancelLabel={t('wechat.cancel')}
          onCancel={() => setHeld(null)}
          items={[
            { label: t('wechat.chat.forward'), onClick: () => setHeld(null) },
            { label: t('wechat.chat.favorite'), onClick: () => setHeld(null) },
            ...(held.code
              ? [
                  {
                    label: t('wechat.code.identify'),
                    onClick: () => {
                      setHeld(null)
                      setNotice(openCode(held.code ?? null, 'long-press'))
                    },
                  },
                ]
              : []),
          ]}
        />
      )}
      {notice && <CodeNoticeDialog notice={notice} onClose={() => setNotice(null)} />}
    </div>
  )
}

/** The phone's owner, as their chats show them. */
function MeAvatar() {
  const { lang } = useT()
  const persona = useSettings((s) => s.persona)
  const name = lang === 'en' ? PROFILES[persona].en : PROFILES[persona].zh
  return (
    <span className="wx-avatar wx-avatar--sm wx-avatar--me" aria-hidden="true">
      {name.slice(0, 1)}
    </span>
  )
}

function Bubble({
  contact,
  mine,
  children,
}: {
  contact: Contact
  mine: boolean
  children: React.ReactNode
}) {
  return (
    <div className={mine ? 'wx-msg wx-msg--me' : 'wx-msg'}>
      {mine ? <MeAvatar /> : <Avatar contact={contact} small />}
      {children}
    </div>
  )
}

interface MessageRowProps {
  message: ChatMessage
  contact: Contact
  showTime: boolean
  now: number
  onOpenImage: (photoId: string) => void
  onHoldImage: (photoId: string) => void
  onOpenLink: (url: string) => void
}

function MessageRow({
  message,
  contact,
  showTime,
  now,
  onOpenImage,
  onHoldImage,
  onOpenLink,
}: MessageRowProps) {
  const { t, lang } = useT()
  return (
    <>
      {showTime && (
        <span className="wx-chat__time">
          {chatTime(message.at, now, lang, t('wechat.yesterday'))}
        </span>
      )}
      <Bubble contact={contact} mine>
        {message.kind === 'image' ? (
          <ImageBubble
            photoId={message.photoId}
            width={message.width}
            height={message.height}
            onOpen={() => onOpenImage(message.photoId)}
            onLongPress={() => onHoldImage(message.photoId)}
          />
        ) : (
          <div className="wx-bubble">
            {splitLinks(message.text).map((run, i) =>
              run.kind === 'link' ? (
                <button
                  key={i}
                  type="button"
                  className="wx-link"
                  onClick={() => onOpenLink(run.url)}
                >
                  {run.url}
                </button>
              ) : (
                run.text
              ),
            )}
          </div>
        )}
      </Bubble>
    </>
  )
}
