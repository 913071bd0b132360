import { useState } from 'react'
import type { Address } from '@/contract/catalog.ts'
import { addAddress } from '@/lib/api/addresses.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Spinner } from '@/ui/Spinner.tsx'
import {
  ADDRESS_FIELDS,
  addressBody,
  addressProblems,
  EMPTY_ADDRESS,
  FIELD_MAX,
  type AddressDraft,
  type AddressField,
} from './address-form.ts'

interface AddressFormProps {
  /** Saved on the server: the sheet selects it. */
  onAdded: (address: Address) => void
}

const INPUT: Record<AddressField, { type: string; inputMode?: 'numeric'; autoComplete: string }> = {
  name: { type: 'text', autoComplete: 'name' },
  phone: { type: 'tel', inputMode: 'numeric', autoComplete: 'tel-national' },
  region: { type: 'text', autoComplete: 'address-level1' },
  detail: { type: 'text', autoComplete: 'street-address' },
}

/**
 * 新增收货地址: 收货人, 手机号 (a mainland mobile number), 所在地区, 详细地址; checked as the server checks
 * them, each refusal under its field, then saved into the world's address book.
 */
export function AddressForm({ onAdded }: AddressFormProps) {
  const { t, lang } = useT()
  const [draft, setDraft] = useState<AddressDraft>(EMPTY_ADDRESS)
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState<string | null>(null)
  const problems = tried ? addressProblems(draft) : {}

  async function save() {
    setTried(true)
    if (Object.keys(addressProblems(draft)).length > 0 || busy) return
    setBusy(true)
    setFailed(null)
    try {
      onAdded(await addAddress(addressBody(draft)))
    } catch (error) {
      setFailed(errorText(t, lang, error))
      setBusy(false)
    }
  }

  return (
    <form
      className="address-form"
      data-testid="address-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      {ADDRESS_FIELDS.map((field) => {
        const id = `address-${field}`
        const problem = problems[field]
        return (
          <div key={field} className="address-form__row">
            <label htmlFor={id} className="address-form__label">
              {t(`checkout.address.form.${field}`)}
            </label>
            <input
              id={id}
              name={field}
              className="address-form__input"
              data-testid={`address-form-${field}`}
              {...INPUT[field]}
              maxLength={FIELD_MAX[field]}
              placeholder={t(`checkout.address.form.${field}Placeholder`)}
              value={draft[field]}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
            />
            {problem && (
              <p id={`${id}-problem`} className="address-form__problem">
                {t(`checkout.address.form.problems.${problem}`)}
              </p>
            )}
          </div>
        )
      })}
      {failed && (
        <p className="pay-error address-form__failed" role="alert">
          {failed}
        </p>
      )}
      <button
        type="submit"
        className="btn-primary address-form__save"
        data-testid="address-form-save"
        disabled={busy}
        aria-busy={busy}
      >
        {busy && <Spinner />}
        {t('checkout.address.form.save')}
      </button>
    </form>
  )
}
