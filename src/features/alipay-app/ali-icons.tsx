import type { ReactNode } from 'react'
import { Svg, type IconProps } from '@/ui/icons.tsx'

/**
 * The 支付宝 app's own icons: the four white line icons on the blue head (扫一扫, 收付款, 出行, 卡包) and the
 * coloured tiles of the grid under it. Colours live here, in the drawing, as they do in the app's artwork.
 */

export function IconScan(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M4 9V5.5A1.5 1.5 0 0 1 5.5 4H9M15 4h3.5A1.5 1.5 0 0 1 20 5.5V9M20 15v3.5a1.5 1.5 0 0 1-1.5 1.5H15M9 20H5.5A1.5 1.5 0 0 1 4 18.5V15" />
      <path d="M3 12h18" />
    </Svg>
  )
}

export function IconPayCode(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="4" y="4" width="6.5" height="6.5" rx="1" />
      <rect x="13.5" y="4" width="6.5" height="6.5" rx="1" />
      <rect x="4" y="13.5" width="6.5" height="6.5" rx="1" />
      <path d="M13.5 13.5h2.5v2.5M20 13.5v6.5h-6.5v-3" />
    </Svg>
  )
}

export function IconTravel(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="5" y="3.5" width="14" height="14" rx="3" />
      <path d="M5 11h14M8.5 14.5h.01M15.5 14.5h.01M8 17.5 6.5 20.5M16 17.5l1.5 3" />
    </Svg>
  )
}

export function IconCards(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="3.5" y="6" width="17" height="13" rx="2" />
      <path d="M3.5 10.5h17M6.5 4h11" />
    </Svg>
  )
}

export function IconPlus(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 8v8M8 12h8" />
    </Svg>
  )
}

export function IconSearch(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="11" cy="11" r="6" />
      <path d="m15.5 15.5 4 4" />
    </Svg>
  )
}

export function IconImage(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="3.5" y="5" width="17" height="14" rx="2" />
      <circle cx="9" cy="10" r="1.6" />
      <path d="m4 17 5-4.5 3.5 3 3-2.5 4.5 4" />
    </Svg>
  )
}

export function IconTorch(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M8 3h8l-1.5 5h-5zM9.5 8h5v12.5h-5z" />
      <path d="M12 12.5v3" />
    </Svg>
  )
}

/** The grid's tiles: a rounded square of the tile's colour with a white glyph, as Alipay draws them. */
export type TileId =
  | 'transfer'
  | 'cardRepay'
  | 'topUp'
  | 'yuebao'
  | 'huabei'
  | 'bills'
  | 'forest'
  | 'utilities'
  | 'city'
  | 'more'

const TILE: Record<TileId, { fill: string; glyph: ReactNode }> = {
  transfer: {
    fill: '#1677FF',
    glyph: <path d="M7 10h10l-3-3M17 14H7l3 3" />,
  },
  cardRepay: {
    fill: '#FF7A1F',
    glyph: (
      <>
        <rect x="6" y="8" width="12" height="8.5" rx="1.5" />
        <path d="M6 11h12" />
      </>
    ),
  },
  topUp: {
    fill: '#FF9F1C',
    glyph: (
      <>
        <rect x="8.5" y="5.5" width="7" height="13" rx="1.5" />
        <path d="M11 16h2" />
      </>
    ),
  },
  yuebao: {
    fill: '#FF6A39',
    glyph: <path d="M8 8.5 12 12l4-3.5M12 12v5M9 13.5h6" />,
  },
  huabei: {
    fill: '#1E7BFF',
    glyph: <path d="M12 6c2 2.5 4.5 3.5 4.5 7A4.5 4.5 0 0 1 7.5 13C7.5 9.5 10 8.5 12 6z" />,
  },
  bills: {
    fill: '#2F87FF',
    glyph: <path d="M8 5.5h8v13l-2-1.3-2 1.3-2-1.3-2 1.3zM10 9.5h4M10 12.5h4" />,
  },
  forest: {
    fill: '#1DB56C',
    glyph: <path d="M12 5.5 7.5 12h3L8 16h8l-2.5-4h3zM12 16v3" />,
  },
  utilities: {
    fill: '#14B4C8',
    glyph: <path d="M13 5.5 8.5 13H12l-1 5.5L15.5 11H12z" />,
  },
  city: {
    fill: '#3D7BF7',
    glyph: <path d="M6.5 18.5h11M8 18.5V10l4-3 4 3v8.5M11 18.5v-4h2v4" />,
  },
  more: {
    fill: '#8A94A6',
    glyph: (
      <>
        <circle cx="8" cy="12" r="0.9" />
        <circle cx="12" cy="12" r="0.9" />
        <circle cx="16" cy="12" r="0.9" />
      </>
    ),
  },
}

export function TileIcon({ id }: { id: TileId }) {
  const tile = TILE[id]
  return (
    <svg className="ali-tile__icon" viewBox="0 0 24 24" width="30" height="30" aria-hidden="true">
      <rect width="24" height="24" rx="7" fill={tile.fill} />
      <g fill="none" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
        {tile.glyph}
      </g>
    </svg>
  )
}

export type TabId = 'home' | 'wealth' | 'video' | 'messages' | 'me'

const TAB_PATHS: Record<TabId, ReactNode> = {
  home: <path d="M4.5 10.5 12 4.5l7.5 6V19a1 1 0 0 1-1 1H15v-5.5H9V20H5.5a1 1 0 0 1-1-1z" />,
  wealth: <path d="M12 4.5a7.5 7.5 0 1 0 7.5 7.5H12zM14.5 4.8v4.7h4.7a7.5 7.5 0 0 0-4.7-4.7z" />,
  video: (
    <>
      <rect x="3.5" y="5.5" width="17" height="13" rx="3" />
      <path d="m10.5 9.5 4 2.5-4 2.5z" />
    </>
  ),
  messages: (
    <path d="M4.5 6.5a2 2 0 0 1 2-2h11a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H10l-4 3v-3h.5a2 2 0 0 1-2-2z" />
  ),
  me: (
    <>
      <circle cx="12" cy="8.5" r="3.8" />
      <path d="M4.8 19.5a7.2 7.2 0 0 1 14.4 0" />
    </>
  ),
}

export function TabIcon({ tab, on }: { tab: TabId; on: boolean }) {
  return (
    <Svg size={24} fill={on ? 'currentColor' : 'none'} strokeWidth={on ? 1.4 : 1.6}>
      {TAB_PATHS[tab]}
    </Svg>
  )
}
