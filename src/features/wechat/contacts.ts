import type { PersonaId } from '@/contract/sim.ts'

/** The simulated WeChat's address book: 文件传输助手 and a few friends, each with a chat. */
export interface Contact {
  id: string
  /** Names per language (WeChat shows the remark name the user gave). */
  name: { zh: string; en: string }
  /** Avatar: a coloured square with a glyph. */
  avatar: { glyph: string; color: string }
  /** What they said before this phone's history began. */
  greeting: { zh: string; en: string } | null
  /** Minutes before "now" the greeting came. */
  greetingAgoMin: number
}

export const FILE_HELPER = 'filehelper'

export const CONTACTS: readonly Contact[] = [
  {
    id: FILE_HELPER,
    name: { zh: '文件传输助手', en: 'File Transfer' },
    avatar: { glyph: '⇅', color: '#07C160' },
    greeting: null,
    greetingAgoMin: 0,
  },
  {
    id: 'xiaomei',
    name: { zh: '小美', en: 'Xiaomei' },
    avatar: { glyph: '美', color: '#F2A7B8' },
    greeting: { zh: '周末一起去喝茶吗？', en: 'Tea this weekend?' },
    greetingAgoMin: 42,
  },
  {
    id: 'aqiang',
    name: { zh: '阿强', en: 'Aqiang' },
    avatar: { glyph: '强', color: '#7DA7D9' },
    greeting: { zh: '收到，谢谢！', en: 'Got it, thanks!' },
    greetingAgoMin: 60 * 26,
  },
  {
    id: 'mom',
    name: { zh: '妈妈', en: 'Mom' },
    avatar: { glyph: '妈', color: '#E8B26A' },
    greeting: { zh: '记得按时吃饭', en: 'Remember to eat on time' },
    greetingAgoMin: 60 * 24 * 3,
  },
]

export function contactById(id: string): Contact | undefined {
  return CONTACTS.find((c) => c.id === id)
}

/** Who is holding this phone, as WeChat's 我 shows them. */
export const PROFILES: Record<PersonaId, { zh: string; en: string; wxid: string }> = {
  shopper: { zh: '小陈', en: 'Chen', wxid: 'wxid_chen2024' },
  not_invited: { zh: '小林', en: 'Lin', wxid: 'wxid_lin0618' },
  old_app: { zh: '老王', en: 'Wang', wxid: 'wxid_laowang' },
  low_balance: { zh: '小周', en: 'Zhou', wxid: 'wxid_zhou99' },
  friend: { zh: '小美', en: 'Xiaomei', wxid: 'wxid_xiaomei' },
  slow_network: { zh: '小赵', en: 'Zhao', wxid: 'wxid_zhao3g' },
  flaky_gateway: { zh: '小钱', en: 'Qian', wxid: 'wxid_qian500' },
}
