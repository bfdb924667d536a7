import { screen, within } from '@testing-library/react'
import { mockApi } from '../../test/api'
import { renderWithProviders } from '../../test/render'
import { TRASH_ARTICLE } from './fixtures.test-data'
import { KnowledgePanel } from './KnowledgePanel'

const HOSTILE_SNIPPET = '<mark>trash</mark> &lt;img src=x onerror=alert(1)&gt; <img src="x" onerror="window.hacked = 1"> day'
const BODY = 'Trash is collected **once a week**.\n\n## Schedule a pickup\n\n- Call 311.\n\n<script>window.hacked = 2</script>'

describe('KnowledgePanel', () => {
  beforeAll(async () => {
    await import('../../shared/MarkdownView')
  })

  it('reads an article to the caller as rendered Markdown, and its snippet as text with highlights', async () => {
    mockApi({
      'GET /api/v1/articles/suggestions': { items: [{ ...TRASH_ARTICLE, snippet: HOSTILE_SNIPPET }] },
      'GET /api/v1/articles/1': { ...TRASH_ARTICLE, body: BODY, version: 1 },
    })
    const { user, container } = renderWithProviders(<KnowledgePanel said="when is my trash collected" language="en" used={[]} onToggle={() => {}} />)
    const suggested = await screen.findByRole('list', { name: 'Suggested articles' })
    const snippet = container.querySelector('.snippet')!
    expect(snippet.querySelector('img')).toBeNull()
    expect(within(snippet as HTMLElement).getByText('trash').tagName).toBe('MARK')
    expect(snippet.textContent).toContain('<img src=x onerror=alert(1)>')

    await user.click(within(suggested).getByText('When is my trash collected?'))
    expect(await screen.findByRole('heading', { level: 4, name: 'Schedule a pickup' })).toBeInTheDocument()
    expect(screen.getByText('once a week').tagName).toBe('STRONG')
    expect(container.querySelector('script')).toBeNull()
    expect(container.textContent).not.toContain('## Schedule')
    expect((window as { hacked?: unknown }).hacked).toBeUndefined()
  })
})
