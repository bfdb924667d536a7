import { screen, waitFor } from '@testing-library/react'
import i18n from '../i18n'
import { mockApi } from '../test/api'
import { checkPersonalData } from '../test/personalData'
import { renderWithProviders } from '../test/render'
import { PersonalDataWarning } from './PersonalDataWarning'

const pause = () => new Promise((resolve) => setTimeout(resolve, 500))

describe('PersonalDataWarning', () => {
  it('asks nothing about an empty text', async () => {
    const api = mockApi({ 'POST /api/v1/personal-data/check': checkPersonalData })
    renderWithProviders(<PersonalDataWarning id="w" text="  " />)
    await pause()
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
    expect(api.calls).toEqual([])
  })

  it('stays an empty live region while the text holds nothing personal', async () => {
    const api = mockApi({ 'POST /api/v1/personal-data/check': checkPersonalData })
    renderWithProviders(<PersonalDataWarning id="w" text="Patched with cold mix." />)
    await waitFor(() => expect(api.calls).toHaveLength(1))
    await pause()
    expect(api.calls[0]!.body).toEqual({ text: 'Patched with cold mix.', names: [] })
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
  })

  it('warns in Spanish, naming what it found', async () => {
    await i18n.changeLanguage('es')
    mockApi({ 'POST /api/v1/personal-data/check': checkPersonalData })
    renderWithProviders(<PersonalDataWarning id="w" text="Ana 410-555-0177" names={['Ana', null, '']} />)
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Los residentes leerán este texto, y parece contener el nombre de la persona que llama y un número de teléfono.',
      ),
    )
  })
})
