import { Svg as LineIcon, type IconProps } from '@/ui/icons.tsx'

/** WeChat's line icons: thinner strokes (1.6) and a larger default size (24) than Taobao's. */
function Svg(props: IconProps) {
  return <LineIcon size={24} strokeWidth={1.6} {...props} />
}

export const IconBack = (p: IconProps) => (
  <Svg {...p}>
    <path d="M15 4 7 12l8 8" strokeWidth={2} />
  </Svg>
)
export const IconClose = (p: IconProps) => (
  <Svg {...p}>
    <path d="M6 6l12 12M18 6 6 18" strokeWidth={1.8} />
  </Svg>
)
export const IconPlusCircle = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="12" cy="12" r="9.2" />
    <path d="M12 7.5v9M7.5 12h9" />
  </Svg>
)
export const IconPlus = (p: IconProps) => (
  <Svg {...p}>
    <path d="M12 5v14M5 12h14" strokeWidth={1.8} />
  </Svg>
)
export const IconSearch = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="11" cy="11" r="6.5" />
    <path d="m16 16 4 4" />
  </Svg>
)
export const IconMore = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="5" cy="12" r="1.3" fill="currentColor" />
    <circle cx="12" cy="12" r="1.3" fill="currentColor" />
    <circle cx="19" cy="12" r="1.3" fill="currentColor" />
  </Svg>
)
export const IconChevron = (p: IconProps) => (
  <Svg size={16} {...p}>
    <path d="m9 5 7 7-7 7" strokeWidth={1.8} />
  </Svg>
)
export const IconScan = (p: IconProps) => (
  <Svg {...p}>
    <path d="M4 9V5.5A1.5 1.5 0 0 1 5.5 4H9M15 4h3.5A1.5 1.5 0 0 1 20 5.5V9M20 15v3.5a1.5 1.5 0 0 1-1.5 1.5H15M9 20H5.5A1.5 1.5 0 0 1 4 18.5V15M4 12h16" />
  </Svg>
)
export const IconChatAdd = (p: IconProps) => (
  <Svg {...p}>
    <path d="M20 12a8 8 0 0 1-11.6 7.1L4 20l1-3.9A8 8 0 1 1 20 12z" />
    <path d="M12 8.5v7M8.5 12h7" />
  </Svg>
)
export const IconUserAdd = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="10" cy="8" r="3.6" />
    <path d="M3.5 19.5a6.5 6.5 0 0 1 11.7-3.9M18 14v6M15 17h6" />
  </Svg>
)
export const IconPayCode = (p: IconProps) => (
  <Svg {...p}>
    <rect x="3.5" y="5" width="17" height="14" rx="2" />
    <path d="M7 9.5h4M7 13h2.5M14 11.5h3v3h-3z" />
  </Svg>
)
export const IconImage = (p: IconProps) => (
  <Svg {...p}>
    <rect x="3.5" y="4.5" width="17" height="15" rx="2" />
    <circle cx="9" cy="10" r="1.7" />
    <path d="m4 17 5-4.5 4 3.5 3-2.5 4 3.5" />
  </Svg>
)
export const IconLink = (p: IconProps) => (
  <Svg {...p}>
    <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1.2 1.2M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1.2-1.2" />
  </Svg>
)
export const IconVoice = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="12" cy="12" r="9.2" />
    <path d="M9 9.5a3.5 3.5 0 0 1 0 5M11.5 7.5a6.3 6.3 0 0 1 0 9" />
  </Svg>
)
export const IconSmile = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="12" cy="12" r="9.2" />
    <path d="M8.5 14.5a4.2 4.2 0 0 0 7 0" />
    <circle cx="9" cy="10" r="0.9" fill="currentColor" />
    <circle cx="15" cy="10" r="0.9" fill="currentColor" />
  </Svg>
)
export const IconCheckCircle = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="12" cy="12" r="10" fill="currentColor" stroke="none" />
    <path d="m7.5 12.2 3 3 6-6.2" stroke="#fff" strokeWidth={1.9} />
  </Svg>
)
/** Tab bar icons: outline when idle, filled green when current. */
export function TabIcon({
  tab,
  on,
}: {
  tab: 'chats' | 'contacts' | 'discover' | 'me'
  on: boolean
}) {
  const fill = on ? 'currentColor' : 'none'
  switch (tab) {
    case 'chats':
      return (
        <Svg size={26} fill={fill}>
          <path d="M20.5 11.5c0 4.1-3.8 7.5-8.5 7.5-1 0-2-.2-2.9-.5L5 20l1-3.3c-1.6-1.4-2.5-3.2-2.5-5.2C3.5 7.4 7.3 4 12 4s8.5 3.4 8.5 7.5z" />
        </Svg>
      )
    case 'contacts':
      return (
        <Svg size={26} fill={fill}>
          <circle cx="12" cy="8" r="4" />
          <path d="M4 20.5a8 8 0 0 1 16 0z" />
        </Svg>
      )
    case 'discover':
      return (
        <Svg size={26}>
          <circle cx="12" cy="12" r="9" fill={fill} />
          <path
            d="m15.5 8.5-2 5-5 2 2-5z"
            fill={on ? '#fff' : 'none'}
            stroke={on ? '#fff' : 'currentColor'}
          />
        </Svg>
      )
    case 'me':
      return (
        <Svg size={26} fill={fill}>
          <circle cx="12" cy="8.5" r="4.2" />
          <path d="M4.5 20.5c.6-3.8 3.8-6.2 7.5-6.2s6.9 2.4 7.5 6.2" />
        </Svg>
      )
  }
}
