import type { AnchorHTMLAttributes } from 'react'
import { useHref, useLinkClickHandler } from 'react-router'

type AppLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string }

/**
 * A link inside the app: a real `<a href>` (a new tab, a copied address, a middle click all work) whose
 * plain click navigates in place. react-router's own `<Link>` does the same and brings its prefetching
 * (a framework-mode feature this app does not use) with it, 2 KB gzip that would sit in the first chunk,
 * since react-router lives there for every screen.
 */
export function AppLink({ to, onClick, target, ...rest }: AppLinkProps) {
  const href = useHref(to)
  const navigate = useLinkClickHandler<HTMLAnchorElement>(to, { target })
  return (
    <a
      {...rest}
      href={href}
      target={target}
      onClick={(event) => {
        onClick?.(event)
        if (!event.defaultPrevented) navigate(event)
      }}
    />
  )
}
