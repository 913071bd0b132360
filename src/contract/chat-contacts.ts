// The simulated WeChat's people (docs/chats.md), without zod: the phones draw them, the server checks who
// may write to whom. A contact that is a persona of the simulator is another phone; the others (文件传输助手,
// 妈妈, 阿强) have no phone: what is sent to them stays in the sender's chat.
import type { PersonaId } from './sim.ts'

export const CHAT_CONTACT_IDS = [
  'filehelper',
  'xiaochen',
  'xiaolin',
  'laowang',
  'xiaozhou',
  'xiaomei',
  'xiaozhao',
  'xiaoqian',
  'aqiang',
  'mom',
] as const
export type ChatContactId = (typeof CHAT_CONTACT_IDS)[number]

export const FILE_HELPER: ChatContactId = 'filehelper'

export interface ChatContact {
  id: ChatContactId
  /** The persona whose phone this contact holds (null: nobody's phone). */
  persona: PersonaId | null
  /** The name WeChat shows, per language. */
  name: { zh: string; en: string }
  wxid: string
  /** Avatar: a coloured square with a glyph. */
  avatar: { glyph: string; color: string }
  /** What a contact without a phone said before this phone's history began, and how many minutes ago. */
  greeting: { zh: string; en: string; agoMin: number } | null
}

const person = (
  id: ChatContactId,
  persona: PersonaId,
  zh: string,
  en: string,
  wxid: string,
  color: string,
): ChatContact => ({
  id,
  persona,
  name: { zh, en },
  wxid,
  avatar: { glyph: zh.slice(-1), color },
  greeting: null,
})

export const CHAT_CONTACTS: Record<ChatContactId, ChatContact> = {
  filehelper: {
    id: 'filehelper',
    persona: null,
    name: { zh: '文件传输助手', en: 'File Transfer' },
    wxid: 'filehelper',
    avatar: { glyph: '⇅', color: '#07C160' },
    greeting: null,
  },
  xiaochen: person('xiaochen', 'shopper', '小陈', 'Chen', 'wxid_chen2024', '#6FA8DC'),
  xiaolin: person('xiaolin', 'not_invited', '小林', 'Lin', 'wxid_lin0618', '#93C47D'),
  laowang: person('laowang', 'old_app', '老王', 'Wang', 'wxid_laowang', '#B4A7D6'),
  xiaozhou: person('xiaozhou', 'low_balance', '小周', 'Zhou', 'wxid_zhou99', '#F6B26B'),
  xiaomei: person('xiaomei', 'friend', '小美', 'Xiaomei', 'wxid_xiaomei', '#F2A7B8'),
  xiaozhao: person('xiaozhao', 'slow_network', '小赵', 'Zhao', 'wxid_zhao3g', '#76A5AF'),
  xiaoqian: person('xiaoqian', 'flaky_gateway', '小钱', 'Qian', 'wxid_qian500', '#E06666'),
  aqiang: {
    id: 'aqiang',
    persona: null,
    name: { zh: '阿强', en: 'Aqiang' },
    wxid: 'wxid_aqiang88',
    avatar: { glyph: '强', color: '#7DA7D9' },
    greeting: { zh: '收到，谢谢！', en: 'Got it, thanks!', agoMin: 60 * 26 },
  },
  mom: {
    id: 'mom',
    persona: null,
    name: { zh: '妈妈', en: 'Mom' },
    wxid: 'wxid_mama1960',
    avatar: { glyph: '妈', color: '#E8B26A' },
    greeting: { zh: '记得按时吃饭', en: 'Remember to eat on time', agoMin: 60 * 24 * 3 },
  },
}

/** Each persona's own contact in the others' address books. */
export const CONTACT_OF_PERSONA: Record<PersonaId, ChatContactId> = {
  shopper: 'xiaochen',
  not_invited: 'xiaolin',
  old_app: 'laowang',
  low_balance: 'xiaozhou',
  friend: 'xiaomei',
  slow_network: 'xiaozhao',
  flaky_gateway: 'xiaoqian',
}

/**
 * Who each persona has in WeChat: everyone asks 小美 to pay, so every shopper has her and she has every
 * one of them; the shoppers have a family member or a colleague besides; everyone has 文件传输助手.
 */
export const CONTACTS_OF: Record<PersonaId, readonly ChatContactId[]> = {
  shopper: ['filehelper', 'xiaomei', 'aqiang', 'mom'],
  not_invited: ['filehelper', 'xiaomei', 'mom'],
  old_app: ['filehelper', 'xiaomei', 'aqiang'],
  low_balance: ['filehelper', 'xiaomei', 'mom'],
  friend: ['filehelper', 'xiaochen', 'xiaolin', 'laowang', 'xiaozhou', 'xiaozhao', 'xiaoqian'],
  slow_network: ['filehelper', 'xiaomei', 'aqiang'],
  flaky_gateway: ['filehelper', 'xiaomei', 'mom'],
}

export function isChatContactId(id: string): id is ChatContactId {
  return (CHAT_CONTACT_IDS as readonly string[]).includes(id)
}

/** Whether `persona` has `contact` in WeChat (and may write to them). */
export function hasContact(persona: PersonaId, contact: ChatContactId): boolean {
  return CONTACTS_OF[persona].includes(contact)
}
