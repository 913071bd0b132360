import type { Address } from '@/contract/catalog.ts'
import { maskPhone } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { IconCheck } from '@/ui/icons.tsx'
import { Sheet, SheetHead } from '@/ui/Sheet.tsx'

interface AddressSheetProps {
  addresses: Address[]
  selectedId: string
  onSelect: (addressId: string) => void
  onClose: () => void
}

/** The address book: one tap picks an address and closes. */
export function AddressSheet({ addresses, selectedId, onSelect, onClose }: AddressSheetProps) {
  const { t } = useT()
  return (
    <Sheet onClose={onClose} labelledBy="address-sheet-title">
      <SheetHead
        id="address-sheet-title"
        title={t('checkout.address.sheetTitle')}
        closeLabel={t('common.close')}
        onClose={onClose}
      />
      <div
        className="sheet__body address-sheet"
        role="radiogroup"
        aria-labelledby="address-sheet-title"
      >
        {addresses.map((a) => {
          const selected = a.id === selectedId
          return (
            <button
              key={a.id}
              type="button"
              role="radio"
              aria-checked={selected}
              className="address-option"
              onClick={() => onSelect(a.id)}
            >
              <span className="address-option__text">
                <span className="address-option__who">
                  <span className="address-card__name">{a.name}</span>
                  <span className="address-card__phone">{maskPhone(a.phone)}</span>
                  {a.isDefault && (
                    <span className="address-card__tag">{t('checkout.address.default')}</span>
                  )}
                </span>
                <span className="address-option__where">
                  {a.region} {a.detail}
                </span>
              </span>
              <span
                className={selected ? 'radio-dot radio-dot--on' : 'radio-dot'}
                aria-hidden="true"
              >
                {selected && <IconCheck size={14} strokeWidth={3} />}
              </span>
            </button>
          )
        })}
      </div>
    </Sheet>
  )
}
