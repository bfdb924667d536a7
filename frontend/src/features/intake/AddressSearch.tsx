import { useId, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useAddressSearch, type Address } from './queries'

/** An address box with suggestions (ARIA combobox): arrows move, Enter picks, Escape closes. */
export function AddressSearch({ onPick }: { onPick: (address: Address) => void }) {
  const { t } = useTranslation('intake')
  const id = useId()
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const found = useAddressSearch(text)
  const options = found.data ?? []
  const expanded = open && options.length > 0

  function choose(address: Address) {
    setText(address.address)
    setOpen(false)
    onPick(address)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && options.length) {
      event.preventDefault()
      setOpen(true)
      setActive((index) => (open ? (index + 1) % options.length : 0))
    } else if (event.key === 'ArrowUp' && options.length) {
      event.preventDefault()
      setActive((index) => (index - 1 + options.length) % options.length)
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault()
      choose(options[active] ?? options[0]!)
    } else if (event.key === 'Escape') {
      setOpen(false)
    }
  }

  return (
    <div className="combobox">
      <label htmlFor={`${id}-input`}>{t('location.address')}</label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-activedescendant={expanded ? `${id}-option-${active}` : undefined}
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          setOpen(true)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={t('location.suggestions')} hidden={!expanded}>
        {options.map((address, index) => (
          <li
            key={`${address.address}-${index}`}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => {
              event.preventDefault()
              choose(address)
            }}
          >
            {address.address}
            {address.zip ? ` ${address.zip}` : ''}
          </li>
        ))}
      </ul>
      {open && text.trim().length >= 3 && found.isSuccess && options.length === 0 && (
        <p className="muted" role="status">
          {t('location.noAddress')}
        </p>
      )}
    </div>
  )
}
