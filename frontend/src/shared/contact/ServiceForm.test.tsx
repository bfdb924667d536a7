import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { POTHOLE } from './fixtures.test-data'
import { attributePayload, missingAttributes, ServiceForm, type AttributeValues } from './ServiceForm'

function Harness({ showErrors = false, onValues }: { showErrors?: boolean; onValues?: (values: AttributeValues) => void }) {
  const [values, setValues] = useState<AttributeValues>({})
  return (
    <ServiceForm
      service={POTHOLE}
      values={values}
      showErrors={showErrors}
      onChange={(next) => {
        setValues(next)
        onValues?.(next)
      }}
    />
  )
}

describe('missingAttributes', () => {
  it('lists the required variable attributes that are blank', () => {
    expect(missingAttributes(POTHOLE, {})).toEqual(['pothole_size'])
    expect(missingAttributes(POTHOLE, { pothole_size: '  ' })).toEqual(['pothole_size'])
    expect(missingAttributes(POTHOLE, { pothole_size: 'small' })).toEqual([])
  })

  it('counts an empty multiple choice as missing', () => {
    const service = { ...POTHOLE, attributes: POTHOLE.attributes.map((a) => (a.code === 'hazards' ? { ...a, required: true } : a)) }
    expect(missingAttributes(service, { pothole_size: 'small', hazards: [] })).toEqual(['hazards'])
  })
})

describe('attributePayload', () => {
  it('sends numbers as numbers, datetimes in ISO 8601, lists as lists, and leaves blanks out', () => {
    const payload = attributePayload(POTHOLE, {
      note: 'ignored: not variable',
      pothole_size: 'large',
      depth_inches: '4',
      hazards: ['water'],
      seen_at: '2026-11-20T10:30',
      details: '   ',
    })
    expect(payload).toEqual({
      pothole_size: 'large',
      depth_inches: 4,
      hazards: ['water'],
      seen_at: new Date('2026-11-20T10:30').toISOString(),
    })
  })
})

describe('ServiceForm', () => {
  it('builds one labelled control per attribute, by datatype, and shows fixed ones as text', () => {
    render(<Harness />)
    expect(screen.getByText('Road crews fill potholes within days.')).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: /How big is the pothole\?/ })).toBeRequired()
    expect(screen.getByRole('spinbutton', { name: 'How deep, in inches?' })).toHaveAccessibleDescription('A number of inches')
    const hazards = screen.getByRole('group', { name: 'Hazards' })
    expect(within(hazards).getAllByRole('checkbox')).toHaveLength(2)
    expect(screen.getByLabelText('When was it seen?')).toHaveAttribute('type', 'datetime-local')
    expect(screen.getByRole('textbox', { name: 'Details' }).tagName).toBe('TEXTAREA')
  })

  it('reports every change with the other values kept', async () => {
    const user = userEvent.setup()
    const seen: AttributeValues[] = []
    render(<Harness onValues={(values) => seen.push(values)} />)
    await user.selectOptions(screen.getByRole('combobox', { name: /How big/ }), 'large')
    await user.click(screen.getByRole('checkbox', { name: 'Sharp edge' }))
    await user.click(screen.getByRole('checkbox', { name: 'Filled with water' }))
    await user.click(screen.getByRole('checkbox', { name: 'Sharp edge' }))
    expect(seen.at(-1)).toEqual({ pothole_size: 'large', hazards: ['water'] })
  })

  it('marks a missing required attribute as invalid, with the reason', () => {
    render(<Harness showErrors />)
    const size = screen.getByRole('combobox', { name: /How big/ })
    expect(size).toBeInvalid()
    expect(size).toHaveAccessibleDescription('Required.')
  })
})
