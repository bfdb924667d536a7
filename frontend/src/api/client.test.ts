import { changeLanguage } from '../i18n'
import { mockApi } from '../test/api'
import { api } from './client'

describe('api client', () => {
  it('asks for the UI language on every call, and follows a switch of language', async () => {
    const fake = mockApi({
      'GET /api/v1/services': { items: [] },
      'GET /open311/v2/services.json': [],
    })
    await api.GET('/api/v1/services')
    await changeLanguage('es')
    await api.GET('/api/v1/services')
    await api.GET('/open311/v2/services.{format}', { params: { path: { format: 'json' } } })
    expect(fake.calls.map((call) => call.request.headers.get('Accept-Language'))).toEqual(['en', 'es', 'es'])
  })
})
