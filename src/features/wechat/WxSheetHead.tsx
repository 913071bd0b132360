import { IconClose } from './wx-icons.tsx'

interface WxSheetHeadProps {
  titleId: string
  title: string
  closeLabel: string
  onClose: () => void
}

/** The head of WeChat's bottom sheets (the password, 选择付款方式): × on the left, the title centred. */
export function WxSheetHead({ titleId, title, closeLabel, onClose }: WxSheetHeadProps) {
  return (
    <div className="wx-pin__head">
      <button type="button" className="wx-header__btn" aria-label={closeLabel} onClick={onClose}>
        <IconClose size={22} />
      </button>
      <h2 id={titleId}>{title}</h2>
    </div>
  )
}
