import { useEffect, useRef, useState } from 'react'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import type { ChatMessage } from '@/contract/chat.ts'
import { albumOpen, wechatPath, withAlbum } from '@/contract/paths.ts'
import { photoBlob, type AlbumPhoto } from '@/lib/album/album.ts'
import { chatImageUrl, sendChatImage, sendChatMessage } from '@/lib/api/chat.ts'
import { serverNow } from '@/lib/clock.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useSettings } from '@/lib/settings.ts'
import { showToast } from '@/lib/toast.ts'
import { AlbumPicker } from './AlbumPicker.tsx'
import { Avatar } from './Avatar.tsx'
import { imageForChat } from './chat-image.ts'
import { addMessages, messagesOf, useChatFeed, useChatReads } from './chat-store.ts'
import { chatTime } from './chat-time.ts'
import { CodeNoticeDialog } from './CodeNoticeDialog.tsx'
import { contactName, greetingOf } from './contact-name.ts'
import { contactById, contactsOf, profileOf, type Contact } from './contacts.ts'
import { ExpiredImage, ImageBubble } from './ImageBubble.tsx'
import { LinkCard } from './LinkCard.tsx'
import { splitLinks } from './pay-code.ts'
import { useOpenCode, type CodeNotice } from './useOpenCode.ts'
import { WxHeader } from './WxHeader.tsx'
import { ActionSheet } from './WxDialog.tsx'
import { IconImage, IconLink, IconMore, IconPlus, IconSmile, IconVoice } from './wx-icons.tsx'

type Held = { imageId: string; code: string | null | undefined }

/** One chat: the world's messages between this phone's persona and the contact, live; text, 相册, 链接. */
export function ChatScreen() {
  const { t, lang } = useT()
  const navigate = useNavigate()
  const { chatId = '' } = useParams()
  const persona = useSettings((s) => s.persona)
  const contact = contactById(chatId) ?? contactsOf(persona)[0]
  const feed = useChatFeed()
  const messages = messagesOf(feed.messages, contact?.id ?? '')
  const markRead = useChatReads((s) => s.markRead)
  const [params, setParams] = useSearchParams()
  const picking = albumOpen(params)
  const [more, setMore] = useState(false)
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [held, setHeld] = useState<Held | null>(null)
  const [viewing, setViewing] = useState<string | null>(null)
  const [notice, setNotice] = useState<CodeNotice | null>(null)
  const openCode = useOpenCode()
  const end = useRef<HTMLDivElement>(null)
  const [now] = useState(() => serverNow())
  const lastSeq = messages.at(-1)?.seq ?? 0

  useEffect(() => {
    // Newer browsers return a promise from scrollIntoView: an effect must not return it.
    void end.current?.scrollIntoView({ block: 'end' })
  }, [messages.length])

  // What is on screen is read.
  useEffect(() => {
    if (feed.owner && contact && lastSeq > 0) markRead(feed.owner, contact.id, lastSeq)
  }, [feed.owner, contact, lastSeq, markRead])

  if (!contact) return null

  function setPicking(on: boolean) {
    setParams(withAlbum(params, on), { replace: !on })
  }

  async function sending(work: () => Promise<ChatMessage>): Promise<boolean> {
    setBusy(true)
    try {
      addMessages([await work()])
      return true
    } catch (error) {
      showToast(t('wechat.chat.sendFailed', { reason: errorText(t, lang, error) }))
      return false
    } finally {
      setBusy(false)
    }
  }

  async function sendText() {
    const body = text.trim()
    if (!body || !contact || busy) return
    if (await sending(() => sendChatMessage({ to: contact.id, kind: 'text', text: body }))) {
      setText('')
    }
  }

  async function sendPhoto(photo: AlbumPhoto) {
    if (!contact || busy) return
    const sent = await sending(async () => {
      const blob = await photoBlob(photo.id)
      if (!blob) throw new Error('the photo is gone from the album')
      return sendChatImage(contact.id, await imageForChat(blob))
    })
    if (sent) {
      setMore(false)
      setPicking(false)
    }
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

  function holdImage(imageId: string) {
    setHeld({ imageId, code: undefined })
    void (async () => {
      const res = await fetch(chatImageUrl(imageId)).catch(() => null)
      const blob = res?.ok ? await res.blob() : null
      const { decodeQr } = await import('@/lib/album/decode-qr.ts')
      const code = blob ? await decodeQr(blob).catch(() => null) : null
      setHeld((h) => (h?.imageId === imageId ? { imageId, code } : h))
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
        <div
          className="wx-chat"
          data-testid="wechat-chat"
          aria-live="polite"
          aria-relevant="additions"
        >
          {greeting && contact.greeting && (
            <>
              <span className="wx-chat__time">
                {chatTime(now - contact.greeting.agoMin * 60_000, now, lang, t('wechat.yesterday'))}
              </span>
              <Bubble contact={contact} mine={false}>
                <div className="wx-bubble">{greeting}</div>
              </Bubble>
            </>
          )}
          {messages.map((m, i) => (
            <MessageRow
              key={m.seq}
              message={m}
              contact={contact}
              showTime={
                i === 0 ||
                Date.parse(m.sentAt) - Date.parse(messages[i - 1]?.sentAt ?? '') > 5 * 60_000
              }
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
          data-testid="wechat-chat-input"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void sendText()}
          onFocus={() => setMore(false)}
        />
        <span className="wx-round-btn" aria-hidden="true">
          <IconSmile size={20} />
        </span>
        {text.trim() ? (
          <button
            type="button"
            className="wx-send"
            data-testid="wechat-chat-send"
            disabled={busy}
            aria-busy={busy}
            onClick={() => void sendText()}
          >
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
      {picking && (
        <AlbumPicker
          mode="send"
          busy={busy}
          onPick={(photo) => void sendPhoto(photo)}
          onClose={() => setPicking(false)}
        />
      )}
      {viewing && (
        <button
          type="button"
          className="wx-viewer"
          aria-label={t('common.close')}
          onClick={() => setViewing(null)}
        >
          <img src={chatImageUrl(viewing)} alt={t('wechat.chat.image')} />
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
  const persona = useSettings((s) => s.persona)
  return <Avatar contact={profileOf(persona)} small />
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
    <div className={mine ? 'wx-msg wx-msg--me' : 'wx-msg'} data-mine={mine}>
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
  onOpenImage: (imageId: string) => void
  onHoldImage: (imageId: string) => void
  onOpenLink: (url: string) => void
}

function MessageBody({
  message,
  onOpenImage,
  onHoldImage,
  onOpenLink,
}: Omit<MessageRowProps, 'contact' | 'showTime' | 'now'>) {
  switch (message.kind) {
    case 'image':
      return message.expired ? (
        <ExpiredImage />
      ) : (
        <ImageBubble
          src={chatImageUrl(message.imageId)}
          width={message.width}
          height={message.height}
          onOpen={() => onOpenImage(message.imageId)}
          onLongPress={() => onHoldImage(message.imageId)}
        />
      )
    case 'link':
      return (
        <LinkCard
          title={message.title}
          text={message.text}
          onOpen={() => onOpenLink(message.url)}
        />
      )
    case 'text':
      return (
        <div className="wx-bubble">
          {splitLinks(message.text).map((run, i) =>
            run.kind === 'link' ? (
              <button key={i} type="button" className="wx-link" onClick={() => onOpenLink(run.url)}>
                {run.url}
              </button>
            ) : (
              run.text
            ),
          )}
        </div>
      )
  }
}

function MessageRow({ message, contact, showTime, now, ...actions }: MessageRowProps) {
  const { t, lang } = useT()
  return (
    <>
      {showTime && (
        <span className="wx-chat__time">
          {chatTime(Date.parse(message.sentAt), now, lang, t('wechat.yesterday'))}
        </span>
      )}
      <Bubble contact={contact} mine={message.mine}>
        <MessageBody message={message} {...actions} />
      </Bubble>
    </>
  )
}
