import type { Address } from '@/contract/catalog.ts'
import { maskPhone } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { IconChevron, IconLocation } from '@/ui/icons.tsx'

/** The delivery address; a tap opens the address book. */
export function AddressCard({ address, onChoose }: { address: Address; onChoose: () => void }) {
  const { t } = useT()
  return (
    <button
      type="button"
      className="card address-card"
      data-testid="address-card"
      onClick={onChoose}
    >
      <span className="address-card__icon">
        <IconLocation size={18} />
      </span>
      <span className="address-card__text">
        <span className="address-card__who">
          <span className="address-card__name">{address.name}</span>
          <span className="address-card__phone">{maskPhone(address.phone)}</span>
          {address.isDefault && (
            <span className="address-card__tag">{t('checkout.address.default')}</span>
          )}
        </span>
        <span className="address-card__where">
          {address.region} {address.detail}
        </span>
      </span>
      <span className="address-card__chevron">
        <IconChevron />
        <span className="visually-hidden">{t('checkout.address.change')}</span>
      </span>
      <span className="address-card__stripe" aria-hidden="true" />
    </button>
  )
}
