import { render, screen } from '@testing-library/react'
import i18n from '../../i18n'
import { NO_TRIAGE } from './fixtures.test-data'
import { TriageBanners } from './TriageBanners'

describe('TriageBanners', () => {
  it('points suicide and self-harm to 988, with the caller’s words', () => {
    render(<TriageBanners triage={{ ...NO_TRIAGE, crisis: true, crisis_terms: ['kill himself'] }} onService={() => {}} />)
    expect(screen.getByRole('alert')).toHaveTextContent(/988 Suicide & Crisis Lifeline.*kill himself$/)
  })

  it('shows the 911 and 988 banners together, in Spanish too', async () => {
    await i18n.changeLanguage('es')
    const triage = { ...NO_TRIAGE, emergency: true, emergency_terms: ['pistola'], crisis: true, crisis_terms: ['quitarse la vida'] }
    render(<TriageBanners triage={triage} onService={() => {}} />)
    const [emergency, crisis] = screen.getAllByRole('alert')
    expect(emergency).toHaveTextContent('Emergencia: transfiera la llamada al 911. pistola')
    expect(crisis).toHaveTextContent(/Línea 988 .* quitarse la vida$/)
  })

  it('shows no banner for a routine call', () => {
    render(<TriageBanners triage={NO_TRIAGE} onService={() => {}} />)
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
