import { useId, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useAddressSearch, type Address } from './queries'

const NONE = -1

/**
 * An address box with suggestions (ARIA combobox, list autocomplete without automatic
 * selection): nothing is highlighted until the agent moves to it with the arrows; Enter picks
 * the highlighted one (and never sends the form while the list is open), Escape closes.
 * `initialText` starts it from an address found elsewhere (in a resident's message).
 */
export function AddressSearch({ onPick, initialText = '' }: { onPick: (address: Address) => void; initialText?: string }) {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState(initialText)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(NONE)
  const found = useAddressSearch(text)
  const options = found.data ?? []
  const expanded = open && options.length > 0
  const highlighted = expanded && active !== NONE ? active : NONE

  function choose(address: Address) {
    setText(address.address)
    close()
    onPick(address)
  }

  function close() {
    setOpen(false)
    setActive(NONE)
  }

  function move(step: 1 | -1) {
    const count = options.length
    setOpen(true)
    setActive(highlighted === NONE ? (step === 1 ? 0 : count - 1) : (highlighted + step + count) % count)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && options.length) {
      event.preventDefault()
      move(event.key === 'ArrowDown' ? 1 : -1)
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault()
      const option = options[highlighted]
      if (option) choose(option)
    } else if (event.key === 'Escape') {
      close()
    }
  }

  return (
    <div className="combobox">
      <label htmlFor={`${id}-input`}>{t('contact.address')}</label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-activedescendant={highlighted !== NONE ? `${id}-option-${highlighted}` : undefined}
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          setOpen(true)
          setActive(NONE)
        }}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={t('contact.addressSuggestions')} hidden={!expanded}>
        {options.map((address, index) => (
          <li
            key={`${address.address}-${index}`}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === highlighted}
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
          {t('contact.noAddress')}
        </p>
      )}
    </div>
  )
}
