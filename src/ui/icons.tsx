import type { SVGProps } from 'react'

/** Small line icons drawn inline (no icon font, no extra request). Decorative: aria-hidden. */
export type IconProps = SVGProps<SVGSVGElement> & { size?: number }

/** The 24-unit line-icon frame every icon of the app draws in (Taobao's and WeChat's alike). */
export function Svg({ size = 20, children, ...rest }: IconProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      {children}
    </svg>
  )
}

export function IconBack(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M15 4 7 12l8 8" />
    </Svg>
  )
}

export function IconChevron(props: IconProps) {
  return (
    <Svg size={14} {...props}>
      <path d="m9 5 7 7-7 7" />
    </Svg>
  )
}

export function IconLocation(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M12 21s-6.5-6-6.5-11a6.5 6.5 0 0 1 13 0c0 5-6.5 11-6.5 11z" />
      <circle cx="12" cy="10" r="2.3" />
    </Svg>
  )
}

export function IconShop(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M4 9.5 5.5 4h13L20 9.5" />
      <path d="M4 9.5a2.7 2.7 0 0 0 5.3 0 2.7 2.7 0 0 0 5.4 0 2.7 2.7 0 0 0 5.3 0" />
      <path d="M5.5 12v8h13v-8M10 20v-4.5h4V20" />
    </Svg>
  )
}

export function IconOrders(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="5" y="3.5" width="14" height="17" rx="2.5" />
      <path d="M9 8.5h6M9 12h6M9 15.5h3.5" />
    </Svg>
  )
}
