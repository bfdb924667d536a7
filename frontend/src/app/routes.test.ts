import { isPublicPath } from './routes'

describe('isPublicPath', () => {
  it('knows every residents\' page, and / only for someone not signed in', () => {
    for (const path of ['/answers', '/answers/7', '/report', '/report/trm-pothole-repair', '/report-card', '/map', '/follow/confirm', '/status', '/status/26-1', '/unsubscribe', '/survey/abc.123.def'])
      expect(isPublicPath(path), path).toBe(true)
    expect(isPublicPath('/')).toBe(true)
    expect(isPublicPath('/', true)).toBe(false)
    for (const path of ['/sign-in', '/queues', '/reports', '/mapping', '/requests/26-1']) expect(isPublicPath(path), path).toBe(false)
  })
})
