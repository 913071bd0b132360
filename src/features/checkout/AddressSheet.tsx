import { useState } from 'react'
import type { Address } from '@/contract/catalog.ts'
import { maskPhone } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { IconBack } from '@/ui/icons.tsx'
import { IconCheck, IconPlus } from '@/ui/more-icons.tsx'
import { Sheet, SheetHead } from '@/ui/Sheet.tsx'
import { AddressForm } from './AddressForm.tsx'

interface AddressSheetProps {
  addresses: Address[]
  selectedId: string
  onSelect: (addressId: string) => void
  /** 新增收货地址 saved it on the server: the page selects it and reloads the book. */
  onAdded: (address: Address) => void
  onClose: () => void
}

/** The address book: one tap picks an address and closes; 新增收货地址 opens the form in the same sheet. */
export function AddressSheet(props: AddressSheetProps) {
  const { addresses, selectedId, onSelect, onAdded, onClose } = props
  const { t } = useT()
  const [adding, setAdding] = useState(false)
  if (adding) {
    return (
      <Sheet
        onClose={() => setAdding(false)}
        labelledBy="address-form-title"
        testId="address-sheet"
      >
        <div className="sheet__head">
          <button
            type="button"
            className="sheet__close sheet__close--left"
            aria-label={t('checkout.address.form.back')}
            onClick={() => setAdding(false)}
          >
            <IconBack size={22} />
          </button>
          <h2 id="address-form-title">{t('checkout.address.form.title')}</h2>
        </div>
        <div className="sheet__body">
          <AddressForm onAdded={onAdded} />
        </div>
      </Sheet>
    )
  }
  return (
    <Sheet onClose={onClose} labelledBy="address-sheet-title" testId="address-sheet">
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
      <div className="address-sheet__foot">
        <button
          type="button"
          className="btn-primary address-sheet__add"
          data-testid="address-add"
          onClick={() => setAdding(true)}
        >
          <IconPlus size={16} />
          {t('checkout.address.add')}
        </button>
      </div>
    </Sheet>
  )
}
