import { useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { AddressSuggestion } from '../../../api/queries/portal'
import { useAddressSuggestions } from '../usePortal'
import type { ControlProps } from './Field'

const NONE = -1

type Props = { control: ControlProps; value: string; onType: (text: string) => void; onPick: (address: AddressSuggestion) => void }

/**
 * The address box with suggestions as you type (ARIA 1.2 combobox, list autocomplete): nothing is
 * highlighted until the resident moves to it with the arrows, Enter picks it, Escape closes. A
 * typed address the resident does not pick is still a complete location: the city resolves it.
 */
export function AddressCombobox({ control, value, onType, onPick }: Props) {
  const { t } = useTranslation('portal')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(NONE)
  const found = useAddressSuggestions(value)
  const options = found.data ?? []
  const expanded = open && options.length > 0
  const highlighted = expanded ? active : NONE
  const listId = `${control.id}-list`

  function choose(address: AddressSuggestion) {
    onPick(address)
    setOpen(false)
    setActive(NONE)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && options.length) {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setOpen(true)
      setActive(highlighted === NONE ? (step === 1 ? 0 : options.length - 1) : (highlighted + step + options.length) % options.length)
    } else if (event.key === 'Enter' && expanded && highlighted !== NONE) {
      event.preventDefault()
      choose(options[highlighted]!)
    } else if (event.key === 'Escape') {
      setOpen(false)
      setActive(NONE)
    }
  }

  return (
    <div className="combobox">
      <input
        {...control}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={highlighted !== NONE ? `${listId}-${highlighted}` : undefined}
        autoComplete="street-address"
        value={value}
        onChange={(event) => {
          onType(event.target.value)
          setOpen(true)
          setActive(NONE)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label={t('location.suggestions')} hidden={!expanded}>
        {options.map((address, index) => (
          <li
            key={`${address.label}-${index}`}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === highlighted}
            onMouseDown={(event) => {
              event.preventDefault()
              choose(address)
            }}
          >
            {address.label}
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {expanded ? t('location.suggestionCount', { count: options.length }) : ''}
      </p>
    </div>
  )
}
